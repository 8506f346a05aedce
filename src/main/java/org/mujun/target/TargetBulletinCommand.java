package org.mujun.target;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mujun.common.CliCommand;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** {@code target-bulletin --region 331082 --year 2026 --quarter 3 --out bulletin.pdf}: renders the quarterly bulletin (PDF, or Excel for .xlsx). */
@Component
class TargetBulletinCommand implements CliCommand {

    private final TargetReports reports;

    TargetBulletinCommand(TargetReports reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "target-bulletin";
    }

    @Override
    public String usage() {
        return "target-bulletin --region 331082 --year 2026 --quarter 3 --out f.pdf   季度通报 of the region's child regions (PDF; Excel when --out ends in .xlsx)";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        String region = CliCommand.option(args, "region");
        String year = CliCommand.option(args, "year");
        String quarter = CliCommand.option(args, "quarter");
        String file = CliCommand.option(args, "out");
        if (region == null || !region.matches("\\d{2,12}") || year == null || !year.matches("\\d{4}") || quarter == null
                || !quarter.matches("[1-4]") || file == null || file.isBlank()) {
            out.println("usage: " + usage());
            return 2;
        }
        Bulletin b;
        try {
            b = reports.bulletin(Scope.system(region), region, Integer.parseInt(year), Integer.parseInt(quarter));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        } catch (ResponseStatusException e) {
            out.println(e.getReason());
            return 1;
        }
        Path path = Path.of(file);
        try (OutputStream os = Files.newOutputStream(path)) {
            if (file.toLowerCase().endsWith(".xlsx")) {
                BulletinDocuments.xlsx(b, os);
            } else {
                BulletinDocuments.pdf(b, os);
            }
        }
        out.printf("%s: %d regions ranked, %d behind; %s written (%s)%n", BulletinDocuments.title(b), b.rows().size(), b.laggards().size(), path,
                b.source());
        return 0;
    }
}
