package org.mujun.screening;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mujun.common.CliCommand;
import org.mujun.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The screening commands on the jar (SPEC §10): run the screening of a region and year; export the 清单 to Excel. */
@Configuration
class ScreeningCommands {

    static boolean region(String r) {
        return r != null && r.matches("\\d{2,9}");
    }

    @Bean
    CliCommand screeningRunCommand(Screenings screenings) {
        return new CliCommand() {
            @Override
            public String name() {
                return "screening-run";
            }

            @Override
            public String usage() {
                return "screening-run --region 331082 --year 2025   高耗低效大数据筛选 of a region's official evaluation run; opens candidate cases";
            }

            @Override
            public int run(List<String> args, PrintStream out) {
                String region = CliCommand.option(args, "region");
                String year = CliCommand.option(args, "year");
                if (!region(region) || year == null || !year.matches("\\d{4}")) {
                    out.println("usage: " + usage());
                    return 2;
                }
                try {
                    Screenings.RunSummary s = screenings.run(region, Integer.parseInt(year), "cli", Scope.system(region));
                    out.printf("筛选批次 / screening run #%d: region %s, year %d, evaluation run #%d, %d enterprises, %d candidates, %d new cases, %d already open%n",
                            s.id(), s.regionCode(), s.year(), s.evaluationRunId(), s.enterprises(), s.candidates(), s.created(), s.skipped());
                    return 0;
                } catch (IllegalArgumentException e) {
                    out.println(e.getMessage());
                    return 1;
                }
            }
        };
    }

    @Bean
    CliCommand screeningExportCommand(ScreeningCases cases, RemediationPlans plans) {
        return new CliCommand() {
            @Override
            public String name() {
                return "screening-export";
            }

            @Override
            public String usage() {
                return "screening-export --region 331082 --out list.xlsx [--year 2025]   《高耗低效企业清单》 of a region to Excel";
            }

            @Override
            public int run(List<String> args, PrintStream out) throws Exception {
                String region = CliCommand.option(args, "region");
                String file = CliCommand.option(args, "out");
                String year = CliCommand.option(args, "year");
                if (!region(region) || file == null || file.isBlank() || (year != null && !year.matches("\\d{4}"))) {
                    out.println("usage: " + usage());
                    return 2;
                }
                Scope scope = Scope.system(region);
                List<ScreeningCases.Case> rows = new ArrayList<>();
                cases.forEach(new ScreeningCases.Filter(region, year == null ? null : Integer.valueOf(year), null, null, true), scope, rows::add);
                try (OutputStream o = Files.newOutputStream(Path.of(file))) {
                    ScreeningWeb.writeList(o, rows, id -> plans.ofCase(id, scope).orElse(null));
                }
                out.printf("《高耗低效企业清单》 / list of region %s: %d enterprises written to %s%n", region, rows.size(), file);
                return 0;
            }
        };
    }
}
