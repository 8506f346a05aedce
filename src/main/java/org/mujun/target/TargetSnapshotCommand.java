package org.mujun.target;

import java.io.PrintStream;
import java.util.List;
import org.mujun.common.CliCommand;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** {@code target-snapshot --region 331082 --year 2026}: takes the month's snapshot of actual against target (SPEC §8). */
@Component
class TargetSnapshotCommand implements CliCommand {

    private final TargetSnapshots snapshots;

    TargetSnapshotCommand(TargetSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public String name() {
        return "target-snapshot";
    }

    @Override
    public String usage() {
        return "target-snapshot --region 331082 --year 2026   snapshot of actual against target (this month; December for a past year); never overwritten";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        String region = CliCommand.option(args, "region");
        String year = CliCommand.option(args, "year");
        if (region == null || !region.matches("\\d{2,12}") || year == null || !year.matches("\\d{4}")) {
            out.println("usage: " + usage());
            return 2;
        }
        try {
            var month = snapshots.monthFor(Integer.parseInt(year));
            TargetSnapshots.Snapshot s = snapshots.take(Scope.system(region), region, month, TargetSnapshots.Kind.ON_DEMAND, "cli");
            var d = snapshots.detail(Scope.system(region), s.id());
            out.printf("目标快照 / target snapshot %d: region %s, %s, %d regions%n", s.id(), s.regionCode(), month, d.regions().size());
            return 0;
        } catch (ResponseStatusException e) {
            out.println(e.getReason());
            return 1;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
    }
}
