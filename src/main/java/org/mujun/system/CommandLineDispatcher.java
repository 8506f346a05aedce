package org.mujun.system;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.mujun.common.CliCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs the CLI command named by the first argument, after every start-up runner (regions, accounts). */
@Component
@ConditionalOnProperty("mujun.cli.command")
@Order(Ordered.LOWEST_PRECEDENCE)
class CommandLineDispatcher implements ApplicationRunner, ExitCodeGenerator {

    private final List<CliCommand> commands;
    private int exitCode;

    CommandLineDispatcher(List<CliCommand> commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String[] args = arguments.getSourceArgs();
        String name = args[0];
        var command = commands.stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            System.out.println(name.equals("help") ? "Mujun commands:" : "Unknown command '" + name + "'. Commands:");
            commands.stream().sorted(Comparator.comparing(CliCommand::name))
                    .forEach(c -> System.out.println("  " + c.usage()));
            exitCode = name.equals("help") ? 0 : 2;
            return;
        }
        try {
            exitCode = command.get().run(Arrays.asList(args).subList(1, args.length), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("错误 / error: " + e.getMessage());
            System.err.println("usage: " + command.get().usage());
            exitCode = 2;
        } catch (Exception e) {
            System.err.println("失败 / failed: " + e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
