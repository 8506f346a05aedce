package org.mujun.land;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.mujun.common.CliCommand;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/** {@code idle-land-check [--as-of 2026-11-23] [--region 331082]}: runs the 闲置土地 check once (SPEC §7). */
@Component
class IdleLandCommand implements CliCommand {

    private final IdleLandCheck check;

    IdleLandCommand(IdleLandCheck check) {
        this.check = check;
    }

    @Override
    public String name() {
        return "idle-land-check";
    }

    @Override
    public String usage() {
        return "idle-land-check [--as-of 2026-11-23] [--region 331082]   闲置土地 check of every parcel with an agreed start date; stores findings";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        String asOf = CliCommand.option(args, "as-of");
        String region = CliCommand.option(args, "region");
        LocalDate date;
        try {
            date = asOf == null ? LocalDate.now(IdleLandCheck.ZONE) : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            out.println("--as-of must be a date yyyy-MM-dd / 日期格式应为 yyyy-MM-dd");
            return 2;
        }
        if (region != null && !region.matches("\\d{2,12}")) {
            out.println("--region must be a region code / 区划代码应为数字");
            return 2;
        }
        IdleLandCheck.RunSummary s = check.run(date, "CLI", "cli", Scope.system(region == null ? "" : region));
        out.printf("闲置土地检查 / idle-land check as of %s (run %d, region %s): %d parcels, %d idle, %d reclaim candidates, %d incomplete, %d changed%n",
                s.asOf(), s.runId(), s.scopePrefix().isEmpty() ? "all" : s.scopePrefix(), s.parcels(), s.idle(), s.reclaim(), s.incomplete(), s.changed());
        return 0;
    }
}
