package io.jvirtd.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one table renderer of the {@code virt} scope: aligned columns under a header line, or, with
 * {@code --no-format}, one tab-separated line per row and no header, for scripts. An empty table
 * renders its "nothing to show" line (or nothing at all without format).
 *
 * <p>Invariant: every row has exactly as many cells as there are headers; a missing value is
 * shown as {@code -}. Not thread-safe: a table is built and rendered by one command call.
 */
final class Table {
    private static final String GAP = "  ";

    private final List<String> headers; // immutable
    private final List<List<String>> rows = new ArrayList<>(); // confined to the building thread
    private String whenEmpty = "(none)"; // confined to the building thread

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** The line shown instead of an empty table, e.g. "no active job". */
    Table whenEmpty(String text) {
        whenEmpty = text;
        return this;
    }

    /** Adds a row; null cells show as {@code -}. */
    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(Table::cell).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render(boolean noFormat) {
        if (rows.isEmpty()) {
            return noFormat ? "" : whenEmpty + "\n";
        }
        StringBuilder out = new StringBuilder();
        if (noFormat) {
            for (List<String> row : rows) {
                out.append(String.join("\t", row)).append('\n');
            }
            return out.toString();
        }
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, headers, widths);
        out.append("-".repeat(Arrays.stream(widths).sum() + GAP.length() * (widths.length - 1))).append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    /** A cell's text on one line: tabs and line breaks would break both layouts. */
    private static String cell(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString().replaceAll("[\\t\\r\\n]+", " ");
        return text.isBlank() ? "-" : text;
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(GAP);
            }
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
