package io.jvirtd.itests.parity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of virsh invocations read from a text resource, one per line:
 * <pre>
 * # a comment; blank lines are ignored
 * dominfo test
 * desc test --title "a title with spaces"
 * &#64;numbers domblkstat test vda
 * </pre>
 * Arguments split on blanks; single or double quotes keep blanks. A leading {@code @numbers} marks a
 * command whose figures are volatile (the test driver derives them from the clock): every digit run
 * of its output is masked, so only its shape is compared. Files are named relative to the folder
 * holding the battery's fixtures, which is virsh's working directory.
 */
record Battery(List<Command> commands) {
    private static final String NUMBERS = "@numbers";

    /** {@code line} 0: not from the file, run after the holder connection closed. */
    record Command(int line, List<String> args, boolean volatileNumbers) {
        /** Where the command comes from, for reports. */
        String where() {
            return line == 0 ? "after the holder closed" : "line " + line;
        }

        /** The command as the battery wrote it (arguments with blanks quoted). */
        String text() {
            return String.join(" ", args.stream().map(a -> a.isEmpty() || a.matches(".*\\s.*") ? '"' + a + '"' : a)
                    .toList());
        }
    }

    static Battery load(String resource) throws IOException {
        String text;
        try (InputStream in = Battery.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Command> commands = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean numbers = line.startsWith(NUMBERS + " ");
            if (numbers) {
                line = line.substring(NUMBERS.length()).strip();
            }
            commands.add(new Command(i + 1, split(line, resource, i + 1), numbers));
        }
        return new Battery(List.copyOf(commands));
    }

    private static List<String> split(String line, String resource, int lineNumber) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(resource + ":" + lineNumber + ": unbalanced quote");
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}
