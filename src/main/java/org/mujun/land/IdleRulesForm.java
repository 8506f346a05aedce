package org.mujun.land;

import java.math.BigDecimal;
import java.time.Period;
import tools.jackson.databind.ObjectMapper;

/**
 * The stored and edited form of {@link IdleLandRules}: periods in whole months (12 = 1 year; a
 * multiple of 12 is kept as years, so "满1年" reads as the regulation does), "inclusive" = 满 (at
 * least), otherwise 超过 (more than); fractions as numerator / denominator. {@link #toRules()}
 * validates through the engine's constructor.
 */
record IdleRulesForm(Integer notStartedIdleMonths, Boolean notStartedIdleInclusive, Integer notStartedReclaimMonths,
                     Boolean notStartedReclaimInclusive, BigDecimal idleFeePercent, BigDecimal minDevelopedNumerator,
                     BigDecimal minDevelopedDenominator, BigDecimal minInvestmentNumerator, BigDecimal minInvestmentDenominator,
                     Integer stalledIdleMonths, Boolean stalledIdleInclusive, Integer stalledReclaimMonths, Boolean stalledReclaimInclusive) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static IdleRulesForm of(IdleLandRules r) {
        return new IdleRulesForm(months(r.notStartedIdle().period()), r.notStartedIdle().inclusive(),
                months(r.notStartedReclaim().period()), r.notStartedReclaim().inclusive(), r.idleFeePercent(),
                r.minDevelopedArea().numerator(), r.minDevelopedArea().denominator(), r.minInvestment().numerator(), r.minInvestment().denominator(),
                months(r.stalledIdle().period()), r.stalledIdle().inclusive(),
                r.stalledReclaim() == null ? null : months(r.stalledReclaim().period()), r.stalledReclaim() != null && r.stalledReclaim().inclusive());
    }

    IdleLandRules toRules() {
        return new IdleLandRules(elapsed(notStartedIdleMonths, notStartedIdleInclusive), elapsed(notStartedReclaimMonths, notStartedReclaimInclusive),
                idleFeePercent, new IdleLandRules.Fraction(minDevelopedNumerator, minDevelopedDenominator),
                new IdleLandRules.Fraction(minInvestmentNumerator, minInvestmentDenominator), elapsed(stalledIdleMonths, stalledIdleInclusive),
                stalledReclaimMonths == null ? null : elapsed(stalledReclaimMonths, stalledReclaimInclusive));
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static IdleRulesForm fromJson(String json) {
        return JSON.readValue(json, IdleRulesForm.class);
    }

    private static IdleLandRules.Elapsed elapsed(Integer months, Boolean inclusive) {
        if (months == null || months <= 0 || months > 1200) {
            throw new IllegalArgumentException("期限应为1到1200个月 / a period must be 1 to 1200 months");
        }
        Period p = months % 12 == 0 ? Period.ofYears(months / 12) : Period.ofMonths(months);
        return new IdleLandRules.Elapsed(p, Boolean.TRUE.equals(inclusive));
    }

    private static int months(Period p) {
        return (int) p.toTotalMonths();
    }
}
