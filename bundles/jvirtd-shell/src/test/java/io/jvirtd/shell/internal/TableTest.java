package io.jvirtd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void rendersAlignedColumnsUnderAHeader() {
        String out = new Table("name", "n").row("libvirtd", 5).row("admin", 12).render(false);
        assertEquals("""
                name      n
                ------------
                libvirtd  5
                admin     12
                """, out);
    }

    @Test
    void noFormatIsTabSeparatedWithoutHeader() {
        assertEquals("libvirtd\t5\nadmin\t-\n", new Table("name", "n").row("libvirtd", 5).row("admin", null).render(true));
    }

    @Test
    void anEmptyTableSaysSo() {
        assertEquals("no job\n", Views.show(new Table("a"), false, "no job"));
        assertEquals("", Views.show(new Table("a"), true, "no job"));
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("only one"));
    }
}
