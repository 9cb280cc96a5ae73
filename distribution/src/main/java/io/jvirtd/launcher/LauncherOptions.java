package io.jvirtd.launcher;

import java.util.List;

/**
 * The command line of {@code bin/jvirtd}. Immutable.
 *
 * @param execCommand a Gogo command to run against a fresh framework, then exit; null for the daemon
 * @param console start the interactive Gogo console in the foreground
 * @param help print usage and exit
 */
record LauncherOptions(String execCommand, boolean console, boolean help) {

    static final String USAGE = """
            usage: jvirtd [--console] | --exec "<gogo command>" | --help
              (no option)      run the daemon in the foreground; SIGTERM or SIGINT stops it cleanly
              --console        run the daemon with the interactive Gogo shell on this terminal
              --exec COMMAND   start a fresh framework, run one shell command, print its output, exit
                               (exit code 0 when the command succeeded, 1 when it failed)
              --help           this text
            """;

    static LauncherOptions parse(List<String> args) {
        String exec = null;
        boolean console = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--exec", "-e" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--exec needs a command, e.g. --exec \"virt:threadpool\"");
                    }
                    exec = args.get(++i);
                }
                case "--console", "-c" -> console = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (exec != null && console) {
            throw new IllegalArgumentException("--exec and --console cannot be combined");
        }
        return new LauncherOptions(exec, console, help);
    }
}
