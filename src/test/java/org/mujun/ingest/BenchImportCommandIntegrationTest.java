package org.mujun.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mujun.MujunIntegrationTest;
import org.mujun.common.Uscc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** bench-import at a tiny size: it runs end to end, reports each phase truthfully and cleans up. */
@MujunIntegrationTest
class BenchImportCommandIntegrationTest {

    @Autowired BenchImportCommand command;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    private String run(int expectedExit, String... args) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = command.run(List.of(args), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isEqualTo(expectedExit);
        return out;
    }

    /** rows, changed and status of a phase's line in the table. */
    private static List<String> phase(String out, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\s+([\\d,]+)\\s+([\\d,]+)\\s+[\\d.]+\\s+(\\d+)\\s+(\\d+|—)\\s+\\d+\\s+(\\w+)",
                Pattern.MULTILINE).matcher(out);
        assertThat(m.find()).as("a line for %s in%n%s", name, out).isTrue();
        assertThat(Long.parseLong(m.group(3))).as("peak heap MB of " + name).isPositive();
        return List.of(m.group(1).replace(",", ""), m.group(2).replace(",", ""), m.group(5));
    }

    private long benchRows(String table, String column) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " like :p").param("p", BenchImportCommand.USCC_HEAD + "%")
                .query(Long.class).single();
    }

    @Test
    void runsTheThreeImportPhasesWithTheRightChangesAndRemovesItsRows() throws Exception {
        String out = run(0, "--rows", "2000", "--enterprises", "400", "--as", "fx-province", "--dir", dir.toString());

        assertThat(out).contains("through the real ENTERPRISE import pipeline");
        assertThat(phase(out, "enterprises (ENTERPRISE)")).containsExactly("400", "400", "APPLIED");
        assertThat(phase(out, "first import (TAX)")).containsExactly("2000", "2000", "APPLIED");
        // rows 3, 13, 23, … of 2,000 are corrected: 200 rows, two values each
        assertThat(phase(out, "corrected re-import (TAX)")).containsExactly("2000", "200", "APPLIED");
        assertThat(phase(out, "same file again (TAX)")).containsExactly("2000", "0", "DUPLICATE");
        assertThat(out).contains("history written by the corrected re-import: 400 values (expected 400");
        assertThat(out).doesNotContain("FAILED");

        // nothing of the benchmark is left behind
        assertThat(benchRows("enterprise", "uscc")).isZero();
        assertThat(benchRows("tax_record", "uscc")).isZero();
        assertThat(benchRows("data_change", "uscc")).isZero();
        assertThat(jdbc.sql("select count(*) from upload where file_name like 'bench-import-%'").query(Long.class).single()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void keepLeavesTheRowsAndTheNextRunStartsClean() throws Exception {
        run(0, "--rows", "300", "--enterprises", "100", "--years", "3", "--as", "fx-county", "--dir", dir.toString(), "--keep");
        assertThat(benchRows("enterprise", "uscc")).isEqualTo(100);
        assertThat(benchRows("tax_record", "uscc")).isEqualTo(300);

        String again = run(0, "--rows", "300", "--enterprises", "100", "--years", "3", "--as", "fx-county", "--dir", dir.toString());
        assertThat(again).contains("removing 100 enterprises");
        assertThat(phase(again, "first import (TAX)")).containsExactly("300", "300", "APPLIED");
        assertThat(benchRows("enterprise", "uscc")).isZero();
    }

    @Test
    void aPipelineThatDoesNotApplyTheRowsFailsTheBenchmark() throws Exception {
        // 黄岩区's admin may not register 临海市 enterprises: every row is refused, so no figure is valid
        String out = run(1, "--rows", "50", "--enterprises", "10", "--as", "fx-other-county", "--dir", dir.toString());
        assertThat(phase(out, "enterprises (ENTERPRISE)")).containsExactly("10", "0", "APPLIED");
        assertThat(out).contains("≠ expected").contains("FAILED");
        assertThat(benchRows("enterprise", "uscc")).isZero();
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThatThrownBy(() -> command.run(List.of("--rows", "1001", "--enterprises", "200", "--years", "5"), System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
        assertThatThrownBy(() -> command.run(List.of("--rows", "ten"), System.out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void benchmarkCodesAreValidDistinctAndScattered() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int n = 0; n < 50_000; n++) {
            String u = BenchImportCommand.uscc(n);
            assertThat(Uscc.isValid(u)).as(u).isTrue();
            assertThat(seen.add(u)).as("duplicate " + u).isTrue();
        }
        // not issued in order: the keys reach the index at random
        assertThat(BenchImportCommand.uscc(1).compareTo(BenchImportCommand.uscc(0)) > 0
                && BenchImportCommand.uscc(2).compareTo(BenchImportCommand.uscc(1)) > 0
                && BenchImportCommand.uscc(3).compareTo(BenchImportCommand.uscc(2)) > 0).isFalse();
    }
}
