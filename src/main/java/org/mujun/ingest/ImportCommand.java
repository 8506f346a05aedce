package org.mujun.ingest;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mujun.common.CliCommand;
import org.mujun.common.DatasetType;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Users;
import org.springframework.stereotype.Component;

/** {@code import --dataset TAX --file tax.csv [--as username]}: the same pipeline as an upload. */
@Component
class ImportCommand implements CliCommand {

    private final Ingestion ingestion;
    private final Users users;
    private final Uploads uploads;

    ImportCommand(Ingestion ingestion, Users users, Uploads uploads) {
        this.ingestion = ingestion;
        this.users = users;
        this.uploads = uploads;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import --dataset TAX|STATS|ELECTRICITY|ENERGY|EMISSIONS|LAND|LEASE|EVENTS|ENTERPRISE --file PATH [--as USERNAME]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        String ds = CliCommand.option(args, "dataset");
        String file = CliCommand.option(args, "file");
        if (ds == null || file == null) {
            throw new IllegalArgumentException("--dataset and --file are required");
        }
        DatasetType type = DatasetType.parse(ds);
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("cannot read " + path.toAbsolutePath());
        }
        String as = CliCommand.option(args, "as");
        MujunUser user = as != null
                ? users.findByUsername(as).orElseThrow(() -> new IllegalArgumentException("no user " + as))
                : users.all().stream().filter(u -> u.role() == Role.PROVINCE_ADMIN && u.isEnabled()).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no PROVINCE_ADMIN account; pass --as USERNAME"));
        long t0 = System.nanoTime();
        UploadResult r = ingestion.ingest(type, path.getFileName().toString(), path, "CLI", user);
        double secs = (System.nanoTime() - t0) / 1e9;
        out.printf("upload #%d %s %s: %d rows, %d valid, %d invalid, %d changed (%.1f s)%n", r.id(), r.dataset(), r.status(),
                r.totalRows(), r.validRows(), r.invalidRows(), r.changedRows(), secs);
        if (r.message() != null) {
            out.println(r.message());
        }
        if (r.invalidRows() > 0) {
            Path report = path.resolveSibling(path.getFileName() + ".errors.csv");
            try (OutputStream os = Files.newOutputStream(report)) {
                IngestController.writeErrorsCsv(uploads, r.id(), os);
            }
            r.firstErrors().stream().limit(10).forEach(e -> out.printf("  row %d, %s: %s%n", e.row(), e.column(), e.reason()));
            out.println("error report: " + report.toAbsolutePath());
        }
        return r.applied() ? 0 : 1;
    }
}
