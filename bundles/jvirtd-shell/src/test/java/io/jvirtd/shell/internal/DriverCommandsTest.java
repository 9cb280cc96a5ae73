package io.jvirtd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jvirtd.api.admin.ClientSummary;
import io.jvirtd.api.driver.DriverInfo;

import org.junit.jupiter.api.Test;

class DriverCommandsTest {

    @Test
    void listsNameSchemeBundleAndIdWithADashForASecondaryDriver() {
        DriverCommands commands = new DriverCommands();
        commands.setRegistry(new FakeDriverRegistry(new DriverInfo("Test", "test", "io.jvirtd.driver.test", 23),
                new DriverInfo("network", null, "io.jvirtd.driver.network", 31)));
        assertEquals("""
                driver   scheme  bundle                    bundle id  connections
                -----------------------------------------------------------------
                Test     test    io.jvirtd.driver.test     23         -
                network  -       io.jvirtd.driver.network  31         -
                """, commands.drivers(false), "connections unknown while the RPC server is stopped");
        commands.admin = (new FakeServerAdmin(
                new ClientSummary("libvirtd", 1, "unix", 0, false, "Test", "uid 0 (root)"),
                new ClientSummary("libvirtd", 2, "tcp", 0, false, "Test", "127.0.0.1;4000"),
                new ClientSummary("libvirtd", 3, "unix", 0, false, null, "uid 0 (root)")));
        assertEquals("Test\ttest\tio.jvirtd.driver.test\t23\t2\nnetwork\t-\tio.jvirtd.driver.network\t31\t0\n",
                commands.drivers(true), "two clients opened the Test driver, one opened nothing yet");
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
        assertEquals("Test\ttest\tt\t1\t-\n", commands.drivers(true));
        commands.unsetRegistry(replacement);
        assertThrows(IllegalStateException.class, () -> commands.drivers(true));
    }
}
