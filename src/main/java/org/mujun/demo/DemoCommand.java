package org.mujun.demo;

import java.io.PrintStream;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mujun.common.CliCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code demo [--enterprises N] [--seed N] [--counties 331082,331003 | all] [--year 2025] [--append | --replace | --delete]}:
 * generates the deterministic demo world (SPEC §10, §12). Up to 20,000 enterprises go to the default
 * counties, more to all of Zhejiang, unless {@code --counties} says otherwise.
 */
@Component
class DemoCommand implements CliCommand {

    static final int ALL_ZHEJIANG_ABOVE = 20_000;

    private final DemoData demo;
    private final DemoScenario scenario;
    private final long defaultSeed;
    private final int defaultEnterprises;
    private final List<String> defaultCounties;

    DemoCommand(DemoData demo, DemoScenario scenario, @Value("${mujun.demo.seed:20221}") long defaultSeed,
                @Value("${mujun.demo.enterprises:3000}") int defaultEnterprises,
                @Value("${mujun.demo.counties:331082,331003,330522}") List<String> defaultCounties) {
        this.demo = demo;
        this.scenario = scenario;
        this.defaultSeed = defaultSeed;
        this.defaultEnterprises = defaultEnterprises;
        this.defaultCounties = defaultCounties;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "demo [--enterprises 3000] [--seed 20221] [--counties 331082,331003|all] [--year 2025] [--append|--replace|--delete] [--scenario]"
                + "   deterministic demo data (COPY-streamed; refuses if demo data exists); --scenario then publishes runs, screens, sets targets";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        boolean append = args.contains("--append");
        boolean replace = args.contains("--replace");
        boolean delete = args.contains("--delete");
        if ((append ? 1 : 0) + (replace ? 1 : 0) + (delete ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--append、--replace、--delete 只能选一个 / choose one of --append, --replace, --delete");
        }
        if (delete) {
            long n = demo.delete("cli");
            out.printf("Deleted demo data: %,d enterprises / 已删除演示数据%n", n);
            return 0;
        }
        int n = integer(CliCommand.option(args, "enterprises"), defaultEnterprises, "--enterprises");
        long seed = CliCommand.option(args, "seed") == null ? defaultSeed : integer(CliCommand.option(args, "seed"), 0, "--seed");
        int year = integer(CliCommand.option(args, "year"), Year.now().getValue() - 1, "--year");
        if (year < 2000 || year > Year.now().getValue()) {
            throw new IllegalArgumentException("--year 应在 2000 至今年之间 / --year must be 2000 to this year");
        }
        String countiesOption = CliCommand.option(args, "counties");
        List<String> counties;
        if ("all".equalsIgnoreCase(countiesOption) || (countiesOption == null && n > ALL_ZHEJIANG_ABOVE)) {
            counties = demo.allCounties();
        } else if (countiesOption == null) {
            counties = defaultCounties;
        } else {
            counties = Arrays.stream(countiesOption.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        DemoData.Mode mode = append ? DemoData.Mode.APPEND : replace ? DemoData.Mode.REPLACE : DemoData.Mode.NEW;
        DemoData.Result r;
        try {
            r = demo.load(new DemoData.Request(seed, n, counties, mode, year), "cli");
        } catch (DemoData.DemoExistsException e) {
            if (args.contains("--scenario")) {
                return playScenario(counties, year, out);
            }
            out.println(e.getMessage());
            return 1;
        }
        print(r, year, seed, out);
        return args.contains("--scenario") ? playScenario(counties, year, out) : 0;
    }

    private int playScenario(List<String> counties, int year, PrintStream out) {
        List<String> lines = scenario.play(counties, year);
        lines.forEach(l -> out.println("Demo scenario " + l));
        return lines.stream().anyMatch(l -> l.startsWith("failed")) ? 1 : 0;
    }

    static void print(DemoData.Result r, int year, long seed, PrintStream out) {
        out.printf("Loaded demo data: %,d enterprises in %s (seed %d, batch %d), years %d–%d, in %.1f s%n", r.enterprises(),
                r.counties().size() <= 5 ? String.join(", ", r.counties()) : r.counties().size() + " counties", seed, r.batch(),
                year - 2, year, r.seconds());
        StringBuilder rows = new StringBuilder("  rows:");
        for (Map.Entry<String, Long> e : r.rows().entrySet()) {
            rows.append(String.format(" %s %,d;", e.getKey(), e.getValue()));
        }
        out.println(rows);
        out.printf("  data-quality findings after the load: %,d%n", r.findings());
        out.printf("  %d 规上 亩均税收 / 亩均增加值 (万元/亩; operating, with land, utilities left out):%n", year);
        double mu = 0;
        double tax = 0;
        double va = 0;
        for (DemoData.CountyFigures f : r.figures()) {
            if (r.figures().size() <= 10) {
                out.printf("    %s %-6s %,6d 规上 %,10.0f 亩  亩均税收 %6.2f  亩均增加值 %7.2f   规下 %,6d 亩均税收 %5.2f%n", f.code(), f.name(),
                        f.above(), f.aboveMu(), f.aboveTaxPerMu(), f.aboveValueAddedPerMu(), f.below(), f.belowTaxPerMu());
            }
            mu += f.aboveMu();
            tax += f.aboveTaxPerMu() * f.aboveMu();
            va += f.aboveValueAddedPerMu() * f.aboveMu();
        }
        if (mu > 0) {
            out.printf("    all    %,10.0f 亩  亩均税收 %6.2f  亩均增加值 %7.2f%n", mu, tax / mu, va / mu);
        }
    }

    private static int integer(String v, int dflt, String option) {
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " 应为整数 / " + option + " must be a whole number: " + v);
        }
    }
}
