package org.mujun.target;

import java.time.YearMonth;
import org.mujun.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monthly snapshot (SPEC §8): on the 1st of each month (China Standard Time) the month just ended is
 * snapshotted for the top region of every decomposition of that year. A month already snapshotted on
 * demand is kept as it is.
 */
@Component
class TargetSnapshotJob {

    private static final Logger log = LoggerFactory.getLogger(TargetSnapshotJob.class);

    private final TargetSnapshots snapshots;
    private final TargetBoard board;

    TargetSnapshotJob(TargetSnapshots snapshots, TargetBoard board) {
        this.snapshots = snapshots;
        this.board = board;
    }

    @Scheduled(cron = "${mujun.target.snapshot-cron:0 0 2 1 * *}", zone = "Asia/Shanghai")
    void monthly() {
        YearMonth month = YearMonth.from(board.today()).minusMonths(1);
        int taken = run(month);
        log.info("target snapshots for {}: {} taken", month, taken);
    }

    /** Snapshots every root region of the month's year that has none for the month; returns how many were taken. */
    int run(YearMonth month) {
        int taken = 0;
        for (String root : snapshots.roots(month.getYear())) {
            Scope scope = Scope.system(root);
            if (snapshots.find(scope, root, month.getYear(), month.getMonthValue()).isPresent()) {
                continue;
            }
            try {
                snapshots.take(scope, root, month, TargetSnapshots.Kind.SCHEDULED, "system");
                taken++;
            } catch (ResponseStatusException e) {
                log.info("target snapshot of {} for {} skipped: {}", root, month, e.getReason());
            }
        }
        return taken;
    }
}
