package io.jvirtd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirtd.api.driver.DriverInfo;

import org.junit.jupiter.api.Test;

class DriverCommandsTest {

    @Test
    void listsNameSchemeBundleAndIdWithADashForASecondaryDriver() {
        DriverCommands commands = new DriverCommands();
        commands.setRegistry(new FakeDriverRegistry(new DriverInfo("Test", "test", "io.jvirtd.driver.test", 23),
                new DriverInfo("network", null, "io.jvirtd.driver.network", 31)));
        assertEquals("""
                driver   scheme  bundle                    bundle id
                ----------------------------------------------------
                Test     test    io.jvirtd.driver.test     23
                network  -       io.jvirtd.driver.network  31
                """, commands.drivers(false));
        assertEquals("Test\ttest\tio.jvirtd.driver.test\t23\nnetwork\t-\tio.jvirtd.driver.network\t31\n",
                commands.drivers(true));
    }

    @Test
    void noDriverBoundSaysSo() {
        DriverCommands commands = new DriverCommands();
        commands.setRegistry(new FakeDriverRegistry());
        assertEquals("no driver bound\n", commands.drivers(false));
    }

    @Test
    void aMissingRegistryIsNamedAndAStaleUnbindKeepsTheNewOne() {
        DriverCommands commands = new DriverCommands();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> commands.drivers(false));
        assertEquals("no DriverRegistry service (is the io.jvirtd.core bundle active?)", e.getMessage());

        FakeDriverRegistry old = new FakeDriverRegistry();
        FakeDriverRegistry replacement = new FakeDriverRegistry(new DriverInfo("Test", "test", "t", 1));
        commands.setRegistry(old);
        commands.setRegistry(replacement);
        commands.unsetRegistry(old);
        assertEquals("Test\ttest\tt\t1\n", commands.drivers(true));
        commands.unsetRegistry(replacement);
        assertThrows(IllegalStateException.class, () -> commands.drivers(true));
    }
}
