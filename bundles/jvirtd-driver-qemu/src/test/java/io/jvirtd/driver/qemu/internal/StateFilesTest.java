package io.jvirtd.driver.qemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.jvirtd.api.error.VirErrorCode;
import io.jvirtd.api.error.VirException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's files: layout, atomic replacement, autostart links. */
class StateFilesTest {
    @TempDir
    Path dir;

    @Test
    void createsItsFoldersAndReplacesFilesWithoutLeavingATemporaryOne() throws Exception {
        StateFiles f = new StateFiles(dir);
        for (String d : List.of("config", "run", "log", "autostart")) {
            assertTrue(Files.isDirectory(dir.resolve(d)), d);
        }
        StateFiles.writeAtomically(f.configFile("a"), "one");
        StateFiles.writeAtomically(f.configFile("a"), "two");
        assertEquals("two", Files.readString(f.configFile("a")));
        try (var files = Files.list(dir.resolve("config"))) {
            assertEquals(List.of(f.configFile("a")), files.toList());
        }
        assertEquals(List.of(f.configFile("a")), f.configFiles());
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndReportsASystemError() throws Exception {
        StateFiles f = new StateFiles(dir);
        StateFiles.writeAtomically(f.statusFile("b"), "old");
        Path blocked = dir.resolve("run/.b.xml.new");
        Files.createDirectories(blocked.resolve("x")); // a directory where the temporary file would go
        VirException e = assertThrows(VirException.class, () -> StateFiles.writeAtomically(f.statusFile("b"), "new"));
        assertEquals(VirErrorCode.SYSTEM_ERROR, e.code());
        assertEquals("old", Files.readString(f.statusFile("b")));
    }

    @Test
    void autostartIsALinkToTheConfig() {
        StateFiles f = new StateFiles(dir);
        StateFiles.writeAtomically(f.configFile("c"), "<domain/>");
        f.setAutostart("c", true);
        assertTrue(f.autostart("c"));
        assertTrue(Files.isSymbolicLink(f.autostartLink("c")));
        f.setAutostart("c", false);
        assertFalse(f.autostart("c"));
    }
}
