package org.mujun.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.mujun.land.StandardLandContract.Indicator;

/**
 * What the 标准地 register tells other modules (published inside the transaction that made the
 * change, so a listener's writes commit or roll back with it). The project module keeps the
 * contract's commitment and the credit record (失信 list) from these.
 */
public final class StandardLandEvents {

    private StandardLandEvents() {
    }

    /** A contract was registered or its terms were amended: its commitments and the agreed review date. */
    public record ContractTermsSaved(long contractId, String contractNo, String uscc, String regionCode,
                                     Map<Indicator, BigDecimal> commitments, LocalDate agreedReview, boolean amended, String actor) {
        public ContractTermsSaved {
            commitments = Map.copyOf(commitments);
        }
    }

    /**
     * A 达产复核 (round 1) or re-review was recorded: the outcome, the credit entry the review produced
     * ({@code creditKind} KEPT 守信 / BROKEN 失信) and the actual figures used, by indicator.
     */
    public record ReviewRecorded(long contractId, String contractNo, String uscc, String regionCode, int round, LocalDate reviewedOn,
                                 boolean passed, BigDecimal penalty, boolean reclaim, LocalDate rectificationDeadline,
                                 String creditKind, String creditReason, Map<Indicator, BigDecimal> actuals, String actor) {
        public ReviewRecorded {
            actuals = Map.copyOf(actuals);
        }
    }
}
