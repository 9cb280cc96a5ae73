package io.jvirtd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void rendersAlignedColumnsUnderAHeader() {
        String out = new Table("name", "n", "state").row("libvirtd", 5, "up").row("admin", 12, "down").render(false);
        assertEquals("""
                name      n   state
                -------------------
                libvirtd  5   up
                admin     12  down
                """, out);
    }

    @Test
    void noFormatIsTabSeparatedWithoutHeader() {
        assertEquals("libvirtd\t5\nadmin\t-\n", new Table("name", "n").row("libvirtd", 5).row("admin", null).render(true));
    }

    @Test
    void anEmptyTableSaysSoAndIsEmptyWithoutFormat() {
        Table empty = new Table("a").whenEmpty("no active job");
        assertEquals("no active job\n", empty.render(false));
        assertEquals("", empty.render(true));
    }

    @Test
    void missingAndBlankCellsShowAsDash() {
        assertEquals("x\t-\t-\n", new Table("a", "b", "c").row("x", null, " ").render(true));
    }

    @Test
    void tabsAndLineBreaksInACellDoNotBreakTheColumns() {
        assertEquals("a b c\t1\n", new Table("name", "n").row("a\tb\nc", 1).render(true));
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("only one"));
    }
}
