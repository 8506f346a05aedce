package org.mujun.evaluation;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mujun.common.CliCommand;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.RunMeasures.ListKind;
import org.mujun.evaluation.RunMeasures.Listing;
import org.mujun.security.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code measures --run ID --out dir/}: the 差别化要素配置 lists of an official run as Excel files
 * (electricity.xlsx, water.xlsx, gas.xlsx for the utility companies, land-use-tax.xlsx for the tax bureau,
 * quotas.xlsx), each with a totals row; prints the totals.
 */
@Component
class MeasuresCommand implements CliCommand {

    private final RunMeasures runMeasures;
    private final EvaluationRuns runs;
    private final MessageSource messages;

    MeasuresCommand(RunMeasures runMeasures, EvaluationRuns runs, MessageSource messages) {
        this.runMeasures = runMeasures;
        this.runs = runs;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "measures";
    }

    @Override
    public String usage() {
        return "measures --run ID --out dir/   差别化要素配置 lists of an official run (utility, tax bureau, quotas) as Excel, with totals";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        String id = CliCommand.option(args, "run");
        String dir = CliCommand.option(args, "out");
        if (id == null || !id.matches("\\d{1,18}") || dir == null) {
            out.println("usage: " + usage());
            return 2;
        }
        Scope all = Scope.system("");
        Run run = runs.find(Long.parseLong(id), all, null).orElse(null);
        if (run == null) {
            out.println("评价不存在 / run not found: " + id);
            return 1;
        }
        try {
            Path d = Path.of(dir);
            Files.createDirectories(d);
            out.printf("run %d (%s %d, %s)%n", run.id(), run.header().regionCode(), run.header().year(), run.header().status());
            for (ListKind k : ListKind.values()) {
                Listing l = runMeasures.list(run, k, Scope.system(run.header().regionCode()));
                Path f = d.resolve(k.name().toLowerCase(Locale.ROOT).replace('_', '-') + (k == ListKind.QUOTA ? "s" : "") + ".xlsx");
                try (OutputStream os = Files.newOutputStream(f)) {
                    MeasuresController.write(os, l, key -> messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE));
                }
                RunMeasures.Totals t = l.totals();
                out.printf("%-13s %6d enterprises  amount %s yuan  land-use tax reduction %s yuan  -> %s%n", k, t.enterprises(),
                        t.amountYuan().toPlainString(), t.reductionYuan().toPlainString(), f);
            }
            if (run.header().status() != RunStatus.FINAL) {
                out.println("note: the run is not FINAL yet; the lists are a preview");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

}
