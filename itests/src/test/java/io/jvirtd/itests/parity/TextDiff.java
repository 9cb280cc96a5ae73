package io.jvirtd.itests.parity;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff for failure messages: lines only in the expected text start with {@code -}, lines only
 * in the actual text with {@code +}, common lines with a blank; runs of more than {@code 2 * CONTEXT}
 * common lines are cut to their edges, and a diff is cut after {@code MAX_LINES} lines. Longest common subsequence, quadratic: for command outputs of at
 * most a few hundred lines.
 */
final class TextDiff {
    private static final int CONTEXT = 3;
    /** Longer diffs are cut: the transcripts on disk have the whole text. */
    private static final int MAX_LINES = 60;

    private TextDiff() {
    }

    static String of(String expected, String actual, String indent) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                rows.add(" " + a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                rows.add("-" + a[i++]);
            } else {
                rows.add("+" + b[j++]);
            }
        }
        StringBuilder out = new StringBuilder();
        int written = 0;
        for (int k = 0; k < rows.size(); k++, written++) {
            if (written == MAX_LINES) {
                out.append(indent).append("  ... ").append(rows.size() - k).append(" more line(s)\n");
                break;
            }
            if (rows.get(k).startsWith(" ") && !nearChange(rows, k)) {
                int end = k;
                while (end < rows.size() && rows.get(end).startsWith(" ") && !nearChange(rows, end)) {
                    end++;
                }
                out.append(indent).append("  ... ").append(end - k).append(" same line(s)\n");
                k = end - 1;
            } else {
                out.append(indent).append(rows.get(k)).append('\n');
            }
        }
        return out.toString();
    }

    private static boolean nearChange(List<String> rows, int k) {
        for (int d = Math.max(0, k - CONTEXT); d <= Math.min(rows.size() - 1, k + CONTEXT); d++) {
            if (!rows.get(d).startsWith(" ")) {
                return true;
            }
        }
        return false;
    }
}
