package org.mujun.project;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.mujun.common.CliCommand;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/** {@code commitment-check [--as-of 2026-11-23] [--region 331082]}: evaluates every open commitment once (SPEC §7). */
@Component
class CommitmentCheckCommand implements CliCommand {

    private final TrackedCommitments commitments;

    CommitmentCheckCommand(TrackedCommitments commitments) {
        this.commitments = commitments;
    }

    @Override
    public String name() {
        return "commitment-check";
    }

    @Override
    public String usage() {
        return "commitment-check [--as-of 2026-11-23] [--region 331082]   evaluates open commitments; a breach goes on the 失信 list with the clawback";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        String asOf = CliCommand.option(args, "as-of");
        String region = CliCommand.option(args, "region");
        LocalDate date;
        try {
            date = asOf == null ? LocalDate.now(TrackedCommitments.ZONE) : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            out.println("--as-of must be a date yyyy-MM-dd / 日期格式应为 yyyy-MM-dd");
            return 2;
        }
        if (region != null && !region.matches("\\d{2,12}")) {
            out.println("--region must be a region code / 区划代码应为数字");
            return 2;
        }
        TrackedCommitments.RunSummary s = commitments.evaluateAll(date, "cli", Scope.system(region == null ? "" : region));
        out.printf("承诺评价 / commitment check as of %s: %d evaluated, %d met, %d breached, %d pending%n", s.asOf(), s.evaluated(), s.met(),
                s.breached(), s.pending());
        return 0;
    }
}
