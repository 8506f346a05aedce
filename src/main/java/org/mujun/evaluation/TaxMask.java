package org.mujun.evaluation;

import java.util.List;
import org.mujun.evaluation.EvaluationRuns.Explained;
import org.mujun.evaluation.EvaluationRuns.IndicatorValue;
import org.mujun.evaluation.EvaluationRuns.InputRow;
import org.mujun.evaluation.EvaluationRuns.ResultRow;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;

/**
 * Tax figures hidden from roles that do not need them (SPEC §11; {@code Role.seesTax()}: a town officer):
 * the tax input, the values of indicators whose numerator is tax (亩均税收, 单位用电税收), 亩均税收 as the
 * tie-break, and the tax path of an explanation. Scores, ranks, classes and benchmarks (aggregates) stay.
 */
final class TaxMask {

    private TaxMask() {
    }

    static boolean applies() {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && !u.role().seesTax();
    }

    static ResultRow row(ResultRow r) {
        if (!applies()) {
            return r;
        }
        List<IndicatorValue> ind = r.indicators().stream().map(v -> v.kind().numerator() == Quantity.TAX
                ? new IndicatorValue(v.kind(), v.unit(), v.weight(), null, v.benchmark(), v.score(), v.missing(), v.averageApplied(), v.capped(),
                v.industryPercentile(), v.industryPeers()) : v).toList();
        return new ResultRow(r.runId(), r.uscc(), r.name(), r.regionCode(), r.industryCode(), r.industryDivision(), r.industryGroup(),
                r.population(), r.outcome(), r.reasonZh(), r.reasonEn(), ind, r.adjustments(), r.adjustmentTotal(), r.total(), null, r.rank(),
                r.populationSize(), r.industryRank(), r.industrySize(), r.scoreClass(), r.finalClass(), r.managedAs(), r.overrides());
    }

    static Explained explained(Explained e) {
        if (!applies()) {
            return e;
        }
        InputRow in = e.input();
        InputRow maskedIn = new InputRow(in.input().toBuilder().tax(null).build(), in.name(), in.sizeSource(), in.landOwnedM2(),
                in.landLeasedInM2(), in.landLeasedOutM2(), in.landMergedInto(), in.electricityFromMonths(), null, in.statsUpload(),
                in.electricityUpload(), in.energyUpload(), in.emissionUpload());
        Explanation x = e.explanation();
        if (x != null) {
            List<Explanation.Contribution> cs = x.contributions().stream().map(c -> c.kind().numerator() == Quantity.TAX
                    ? new Explanation.Contribution(c.kind(), c.unit(), null, c.benchmark(), c.weight(), c.score(), c.shareOfTotal(), c.missing(),
                    c.averageApplied(), c.capped(), c.method(), c.industryPercentile(), c.industryPeers()) : c).toList();
            Explanation.NextClass n = x.next();
            if (n != null) {
                Explanation.Path hidden = new Explanation.Path(Quantity.TAX, false, null, null, null, Double.NaN, "税收数据不对本角色显示",
                        "tax figures are not shown to this role");
                Explanation.Path land = n.land();
                String to = n.target().label();
                String zh = land.reachable()
                        ? "减少用地" + two(land.rounded()) + "亩（用地减至" + two(land.newFigure()) + "亩），可升至" + to + "类（税收路径不对本角色显示）。"
                        : "仅减少用地无法升至" + to + "类（税收路径不对本角色显示）。";
                String en = land.reachable()
                        ? "Using " + two(land.rounded()) + " 亩 less land (" + two(land.newFigure()) + " 亩) lifts you to " + n.target()
                        + " (the tax path is not shown to this role)."
                        : "Less land alone does not lift you to " + n.target() + " (the tax path is not shown to this role).";
                n = new Explanation.NextClass(n.target(), n.byRank(), n.boundaryScore(), n.boundaryUscc(), null, n.gap(), hidden, land, zh, en);
            }
            x = new Explanation(x.uscc(), x.population(), x.outcome(), x.total(), x.totalText(), x.rank(), x.populationSize(), x.scoreClass(),
                    x.finalClass(), cs, x.adjustments(), x.overrides(), n, x.tieBreakZh(), x.tieBreakEn());
        }
        return new Explained(e.run(), row(e.result()), maskedIn, x);
    }

    private static String two(Double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
