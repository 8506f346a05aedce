package org.mujun.common;

import java.io.PrintStream;
import java.util.List;

/**
 * A batch command on the same jar (SPEC §10): {@code java -jar mujun.jar <name> [options]}.
 * Modules contribute commands as beans; the application runs one and exits with its code.
 */
public interface CliCommand {

    String name();

    /** One line for the usage listing. */
    String usage();

    /** Runs the command; returns the process exit code (0 ok, 1 failed, 2 bad usage). */
    int run(List<String> args, PrintStream out) throws Exception;

    /** Reads {@code --key value} or {@code --key=value}; null when absent. */
    static String option(List<String> args, String key) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--" + key) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith("--" + key + "=")) {
                return a.substring(key.length() + 3);
            }
        }
        return null;
    }
}
