package org.mujun.evaluation;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mujun.common.CliCommand;
import org.mujun.evaluation.EvaluationResult.ClassBoundary;
import org.mujun.evaluation.EvaluationResult.IndicatorBenchmark;
import org.mujun.evaluation.EvaluationResult.PopulationSummary;
import org.mujun.evaluation.EvaluationRuns.Run;
import org.mujun.evaluation.EvaluationSchemes.SchemeStatus;
import org.mujun.evaluation.EvaluationSchemes.SchemeVersion;
import org.mujun.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The evaluation's batch commands (SPEC §10): {@code evaluate} and {@code export-results}. */
@Configuration
class EvaluationCommands {

    static final String ACTOR = "cli";

    @Bean
    CliCommand evaluateCommand(EvaluationSchemes schemes, EvaluationRuns runs) {
        return new CliCommand() {
            @Override
            public String name() {
                return "evaluate";
            }

            @Override
            public String usage() {
                return "evaluate --region 331082 --year 2025 [--scheme-version N | --default] [--what-if]   run an evaluation; prints the summary and run id";
            }

            @Override
            public int run(List<String> args, PrintStream out) {
                String region = CliCommand.option(args, "region");
                String year = CliCommand.option(args, "year");
                String version = CliCommand.option(args, "scheme-version");
                boolean dflt = args.contains("--default");
                boolean whatIf = args.contains("--what-if");
                if (region == null || !region.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}") || year == null || !year.matches("\\d{4}")
                        || (version != null && !version.matches("\\d{1,4}")) || (version != null && dflt)) {
                    out.println("usage: " + usage());
                    return 2;
                }
                int y = Integer.parseInt(year);
                Scope scope = Scope.system(region);
                try {
                    Optional<SchemeVersion> chosen = choose(schemes, region, y, version, dflt, whatIf, scope, out);
                    if (chosen.isEmpty()) {
                        return 1;
                    }
                    SchemeVersion s = chosen.get();
                    RunKind kind = whatIf ? RunKind.WHAT_IF : RunKind.OFFICIAL;
                    Run r = runs.run(s.id(), kind, ACTOR, scope);
                    print(r, out);
                    return 0;
                } catch (IllegalArgumentException e) {
                    out.println(e.getMessage());
                    return 1;
                }
            }
        };
    }

    /**
     * The version to run: {@code --scheme-version N}; {@code --default}: the default scheme as version 1 (created, and
     * published unless --what-if) when the region and year have no scheme yet; otherwise the newest published version, or
     * with --what-if the draft when there is one.
     */
    static Optional<SchemeVersion> choose(EvaluationSchemes schemes, String region, int y, String version, boolean dflt, boolean whatIf,
                                          Scope scope, PrintStream out) {
        List<SchemeVersion> all = schemes.list(region, y, scope).stream().filter(s -> s.regionCode().equals(region)).toList();
        if (version != null) {
            int v = Integer.parseInt(version);
            Optional<SchemeVersion> s = all.stream().filter(x -> x.version() == v).findFirst();
            if (s.isEmpty()) {
                out.println("方案第 " + v + " 版不存在 / scheme version " + v + " of " + region + " " + y + " not found");
            }
            return s;
        }
        if (dflt) {
            if (!all.isEmpty()) {
                out.println(region + " " + y + " 已有方案（" + all.size() + " 个版本），请用 --scheme-version 指定 / schemes exist for " + region + " "
                        + y + " (" + all.size() + " versions): choose one with --scheme-version");
                return Optional.empty();
            }
            SchemeVersion d = schemes.openDefault(region, y, ACTOR, scope);
            out.println("created the default scheme as version " + d.version() + (whatIf ? " (draft)" : " and published it"));
            return Optional.of(whatIf ? d : schemes.publish(d.id(), d.lockVersion(), ACTOR, scope));
        }
        Optional<SchemeVersion> s = whatIf ? all.stream().filter(x -> x.status() == SchemeStatus.DRAFT).findFirst() : Optional.empty();
        if (s.isEmpty()) {
            s = all.stream().filter(x -> x.status() == SchemeStatus.PUBLISHED).findFirst();
        }
        if (s.isEmpty()) {
            out.println(region + " " + y + " 没有已发布的方案；用 --default 使用默认方案 / no published scheme for " + region + " " + y
                    + ": use --default for the default scheme");
        }
        return s;
    }

    static void print(Run r, PrintStream out) {
        var h = r.header();
        out.printf("run %d: %s %s %d, scheme version %d, input hash %s%n", h.id(), h.kind(), h.regionCode(), h.year(), h.schemeVersion(),
                h.inputHash());
        out.printf("enterprises %,d: graded %,d, exempt %,d, not evaluated %,d%n", h.inputCount(), h.gradedCount(), h.exemptCount(),
                h.notEvaluatedCount());
        for (PopulationSummary p : r.populations()) {
            out.printf("%s (%s): N = %,d, exempt %,d; final classes A %d, B %d, C %d, D %d%n", p.kind().nameZh(), p.kind().nameEn(), p.size(),
                    p.exempt(), p.finalClassCounts().get(EvaluationClass.A), p.finalClassCounts().get(EvaluationClass.B),
                    p.finalClassCounts().get(EvaluationClass.C), p.finalClassCounts().get(EvaluationClass.D));
            for (IndicatorBenchmark b : p.benchmarks()) {
                for (EvaluationResult.ScopeBenchmark s : b.scopes()) {
                    out.printf("  %s benchmark%s: %s %s (Σ %s / Σ %s over %,d)%n", b.kind().label(), s.group() == null ? "" : " [" + s.group() + "]",
                            s.value() == null ? "—" : String.format("%.4f", s.value()), b.kind().unit(), plain(s.sumNumerator()),
                            plain(s.sumDenominator()), s.present());
                }
            }
            for (ClassBoundary cb : p.boundaries()) {
                if (cb.count() > 0) {
                    out.printf("  class %s%s: %,d, totals %.2f … %.2f%n", cb.evaluationClass(), cb.scope() == null ? "" : " [" + cb.scope() + "]",
                            cb.count(), cb.highest(), cb.lowest());
                }
            }
        }
        var t = r.timings();
        out.printf("timings: load %d ms, compute %d ms, write %d ms, total %d ms%n", t.loadMs(), t.computeMs(), t.writeMs(), t.totalMs());
        out.println("run id " + h.id());
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Bean
    CliCommand exportResultsCommand(EvaluationRuns runs) {
        return new CliCommand() {
            @Override
            public String name() {
                return "export-results";
            }

            @Override
            public String usage() {
                return "export-results --run ID --out results.xlsx   a run's results (every enterprise) to Excel";
            }

            @Override
            public int run(List<String> args, PrintStream out) throws Exception {
                String id = CliCommand.option(args, "run");
                String file = CliCommand.option(args, "out");
                if (id == null || !id.matches("\\d{1,18}") || file == null) {
                    out.println("usage: " + usage());
                    return 2;
                }
                Scope all = Scope.system("");
                Optional<Run> run = runs.find(Long.parseLong(id), all, null);
                if (run.isEmpty()) {
                    out.println("评价结果 " + id + " 不存在 / run " + id + " not found");
                    return 1;
                }
                int n;
                try (OutputStream os = Files.newOutputStream(Path.of(file))) {
                    n = ResultsExport.write(os, runs, run.get(), EvaluationRuns.ResultQuery.firstPage(), all, false);
                }
                out.printf("written %s: %,d enterprises of run %s%n", file, n, id);
                return 0;
            }
        };
    }
}
