package org.mujun.evaluation;

import java.io.PrintStream;
import java.util.List;
import org.mujun.common.CliCommand;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.evaluation.WhatIf.Grade;
import org.mujun.evaluation.WhatIfComparisons.View;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * {@code what-if --scheme-id N [--base RUN]}: runs the scheme version as a what-if (试算, audited as "cli")
 * and prints the class migration matrix against the published run of its region and year (or RUN), the
 * number of movers and the change in the differential charges.
 */
@Component
class WhatIfCommand implements CliCommand {

    private final WhatIfComparisons comparisons;
    private final EvaluationSchemes schemes;
    private final EvaluationRuns runs;

    WhatIfCommand(WhatIfComparisons comparisons, EvaluationSchemes schemes, EvaluationRuns runs) {
        this.comparisons = comparisons;
        this.schemes = schemes;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "what-if";
    }

    @Override
    public String usage() {
        return "what-if --scheme-id N [--base RUN]   run a scheme as a what-if and print the class migration matrix against the published run";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        String id = CliCommand.option(args, "scheme-id");
        String baseArg = CliCommand.option(args, "base");
        if (id == null || !id.matches("\\d{1,18}") || (baseArg != null && !baseArg.matches("\\d{1,18}"))) {
            out.println("usage: " + usage());
            return 2;
        }
        try {
            Scope all = Scope.system("");
            SchemeVersion s = schemes.find(Long.parseLong(id), all).orElseThrow(() ->
                    new IllegalArgumentException("评价方案不存在 / scheme not found: " + id));
            Scope scope = Scope.system(s.regionCode());
            Run run = runs.run(s.id(), RunKind.WHAT_IF, "cli", scope);
            Run base = baseArg == null ? comparisons.defaultBase(run, scope)
                    : runs.find(Long.parseLong(baseArg), scope, null).orElseThrow(() -> new IllegalArgumentException("评价不存在 / run not found: " + baseArg));
            View v = comparisons.compare(run, base, scope);
            print(v, s, out);
            return 0;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    static void print(View v, SchemeVersion s, PrintStream out) {
        out.printf("what-if run %d (scheme %d v%d %s, %s %d) vs run %d (%s)%n", v.run().id(), s.id(), s.version(), s.status(),
                v.run().header().regionCode(), v.run().header().year(), v.base().id(), v.base().header().status());
        out.printf("%-14s", "from \\ to");
        for (Grade g : Grade.values()) {
            out.printf("%14s", g.name());
        }
        out.println();
        for (Grade from : Grade.values()) {
            out.printf("%-14s", from.name());
            for (Grade to : Grade.values()) {
                out.printf("%14d", v.comparison().count(from, to));
            }
            out.println();
        }
        out.printf("movers: %d%n", v.comparison().moves().size());
        out.printf("surcharges: %s -> %s yuan (%s); land-use tax reductions change %s yuan; measures: %s%n",
                v.comparison().chargeFromYuan().toPlainString(), v.comparison().chargeToYuan().toPlainString(),
                signed(v.comparison().chargeChangeYuan()), signed(v.comparison().landUseTaxReductionChangeYuan()),
                v.baseMeasures().version() == null ? "each scheme's own" : "configured v" + v.baseMeasures().version().version());
    }

    private static String signed(java.math.BigDecimal d) {
        return (d.signum() > 0 ? "+" : "") + d.toPlainString();
    }
}
