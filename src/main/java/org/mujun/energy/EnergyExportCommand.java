package org.mujun.energy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mujun.common.CliCommand;
import org.mujun.common.ExcelExport;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/** {@code energy-accounts --year 2024 [--region 3310] [--industry C26] [--out file.xlsx]}: carbon accounts of a region for batch work. */
@Component
class EnergyExportCommand implements CliCommand {

    private final CarbonAccounts accounts;

    EnergyExportCommand(CarbonAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "energy-accounts";
    }

    @Override
    public String usage() {
        return "energy-accounts --year 2024 [--region 33] [--industry C26] [--out accounts.xlsx]   energy (tce) and CO₂ per enterprise; totals";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        String year = CliCommand.option(args, "year");
        if (year == null || !year.matches("\\d{4}")) {
            out.println("usage: " + usage());
            return 2;
        }
        String region = CliCommand.option(args, "region");
        if (region != null && !region.matches("\\d{2,12}")) {
            out.println("--region must be a region code / 区划代码应为数字");
            return 2;
        }
        CarbonAccounts.Listing l = accounts.list(Integer.parseInt(year), null, CliCommand.option(args, "industry"),
                Scope.system(region == null ? "" : region));
        out.printf("year %d, coefficient version %d: %d enterprises, %s tce, %s t CO2%n", l.year(), l.version(),
                l.totals().enterprises(), l.totals().tce().toPlainString(), l.totals().co2Tonnes().toPlainString());
        String file = CliCommand.option(args, "out");
        if (file != null) {
            List<List<?>> rows = new ArrayList<>();
            for (CarbonAccounts.Row r : l.rows()) {
                rows.add(java.util.Arrays.asList(r.uscc(), r.name(), r.regionCode(), r.industryCode(), r.electricityKwh(), r.tce(),
                        r.co2Tonnes(), r.valueAdded(), r.co2PerValueAdded()));
            }
            try (OutputStream os = Files.newOutputStream(Path.of(file))) {
                ExcelExport.write(os, "energy-" + year, List.of("统一社会信用代码", "企业名称", "区划", "行业", "用电量(kWh)", "综合能耗(tce)",
                        "CO2(t)", "工业增加值(万元)", "t CO2/万元增加值"), rows);
            }
            out.println("written " + file);
        }
        return 0;
    }
}
