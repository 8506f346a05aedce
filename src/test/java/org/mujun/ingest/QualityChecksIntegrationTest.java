package org.mujun.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every cross-source check of SPEC §3 over several years at once, with the factor 3 and the
 * 1,000 万元 output threshold of the defaults. Years 2040–2043 belong to this test alone.
 */
@MujunIntegrationTest
class QualityChecksIntegrationTest {

    static final String A = TestFixture.withCheck("91331082MA2QCAAA1");
    static final String B = TestFixture.withCheck("91331082MA2QCBBB2");
    static final String C = TestFixture.withCheck("91331082MA2QCCCC3");
    static final String D = TestFixture.withCheck("91331082MA2QCDDD4");
    static final List<String> MINE = List.of(A, B, C, D);

    @Autowired QualityChecks quality;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void world() {
        for (String u : MINE) {
            jdbc.sql("insert into enterprise (uscc, name, region_code, size_class) values (:u, :n, :r, 'ABOVE')")
                    .param("u", u).param("n", "质量检查测试企业" + u.substring(12)).param("r", TestFixture.TOWN_1).update();
        }
        // A: tax above revenue in 2042 only
        tax(A, 2041, "40");                 // 40 → 100 is 2.5×: no jump
        tax(A, 2042, "100");
        stats(A, 2041, "50", null, null);
        stats(A, 2042, "50", null, null);
        // B: tax ×4 from 2040 to 2041 (jump), ×1.125 to 2042 (none), ÷4.5 to 2043 (jump)
        tax(B, 2040, "10");
        tax(B, 2041, "40");
        tax(B, 2042, "45");
        tax(B, 2043, "10");
        // C: revenue ×10 in 2042 (jump), value added flat; whole-year electricity ×5 in 2042 (jump);
        // in 2043 a large month-1 figure that the whole-year comparison ignores
        stats(C, 2041, "100", null, "10");
        stats(C, 2042, "1000", null, "10");
        kwh(C, 2041, 0, "100");
        kwh(C, 2042, 0, "500");
        kwh(C, 2043, 0, "600");
        kwh(C, 2043, 1, "100000");
        // D: output 5,000 万元 with no energy in 2042 (finding); in 2041 it used electricity, in 2043 gas
        stats(D, 2041, null, "5000", null);
        stats(D, 2042, null, "5000", null);
        stats(D, 2043, null, "5000", null);
        kwh(D, 2041, 0, "100");
        jdbc.sql("insert into energy_record (uscc, year, energy_type, quantity, unit) values (:u, 2043, 'NATURAL_GAS', 1000, 'm3')")
                .param("u", D).update();
        // A leases out 1,000 m² to B in 2041–2042 but owns a 500 m² parcel
        long parcel = jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2) values ('QC-LAND-1', :u, :r, 500) returning id")
                .param("u", A).param("r", TestFixture.TOWN_1).query(Long.class).single();
        jdbc.sql("insert into lease (parcel_id, lessor_uscc, lessee_uscc, area_m2, start_year, end_year) values (:p, :a, :b, 1000, 2041, 2042)")
                .param("p", parcel).param("a", A).param("b", B).update();
        // findings from before: a stale one of a checked year goes, an unknown enterprise and another year stay
        finding("TAX_GT_REVENUE", B, 2042);
        finding("UNKNOWN_ENTERPRISE", C, 2042);
        finding("YOY_JUMP", D, 2039);
    }

    @AfterEach
    void cleanUp() {
        for (String t : List.of("quality_finding", "tax_record", "stats_record", "electricity_record", "energy_record")) {
            jdbc.sql("delete from " + t + " where uscc in (:u)").param("u", MINE).update();
        }
        jdbc.sql("delete from lease where lessor_uscc in (:u)").param("u", MINE).update();
        jdbc.sql("delete from parcel where owner_uscc in (:u)").param("u", MINE).update();
        jdbc.sql("delete from enterprise where uscc in (:u)").param("u", MINE).update();
    }

    @Test
    void everyCheckOverSeveralYearsFindsExactlyTheProblems() {
        int found = quality.run(List.of(2041, 2042, 2043));

        List<String> findings = jdbc.sql("""
                select kind || ' ' || e.name || ' ' || f.year || ' ' || f.region_code from quality_finding f join enterprise e on e.uscc = f.uscc
                where f.uscc in (:u) order by 1""").param("u", MINE).query(String.class).list();
        String a = "质量检查测试企业" + A.substring(12);
        String b = "质量检查测试企业" + B.substring(12);
        String c = "质量检查测试企业" + C.substring(12);
        String d = "质量检查测试企业" + D.substring(12);
        String town = TestFixture.TOWN_1;
        assertThat(findings).containsExactlyInAnyOrder(
                "TAX_GT_REVENUE " + a + " 2042 " + town,                 // 100 > 50
                "YOY_JUMP " + b + " 2041 " + town,                       // tax 10 → 40 = 4× > 3
                "YOY_JUMP " + b + " 2043 " + town,                       // tax 45 → 10: 4.5× the other way
                "YOY_JUMP " + c + " 2042 " + town,                       // revenue 100 → 1000
                "YOY_JUMP " + c + " 2042 " + town,                       // electricity 100 → 500 kWh
                "ENERGY_ZERO_OUTPUT_LARGE " + d + " 2042 " + town,       // 5000 ≥ 1000, no kWh, no fuel
                "LAND_MISMATCH " + a + " 2041 " + town,                  // 1000 m² leased out > 500 owned
                "LAND_MISMATCH " + a + " 2042 " + town,
                "UNKNOWN_ENTERPRISE " + c + " 2042 " + town,             // kept: recorded by an upload
                "YOY_JUMP " + d + " 2039 " + town);                      // kept: year not checked
        assertThat(found).isEqualTo(8);

        assertThat(detail("YOY_JUMP", B, 2041)).containsExactly("实缴税金同比变化 4.00 倍（10.0000 → 40.0000 万元） / tax paid changed 4.00× year on year");
        assertThat(detail("YOY_JUMP", B, 2043)).containsExactly("实缴税金同比变化 0.22 倍（45.0000 → 10.0000 万元） / tax paid changed 0.22× year on year");
        assertThat(detail("YOY_JUMP", C, 2042)).containsExactlyInAnyOrder(
                "营业收入同比变化 10.00 倍（100.0000 → 1000.0000 万元） / revenue changed 10.00× year on year",
                "用电量同比变化 5.00 倍 / electricity use changed 5.00× year on year");
        assertThat(detail("TAX_GT_REVENUE", A, 2042)).containsExactly(
                "实缴税金 100.0000 万元 大于营业收入 50.0000 万元 / tax paid 100.0000 exceeds revenue 50.0000 (万元)");
        assertThat(detail("LAND_MISMATCH", A, 2041)).containsExactly(
                "出租面积 1000.00 平方米 大于自有土地 500.00 平方米 / leased-out area 1000.00 m² exceeds owned area 500.00 m²");

        // run again: the same findings, not twice as many
        assertThat(quality.run(List.of(2041, 2042, 2043))).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from quality_finding where uscc in (:u)").param("u", MINE).query(Integer.class).single())
                .isEqualTo(10);
    }

    private List<String> detail(String kind, String uscc, int year) {
        return jdbc.sql("select detail from quality_finding where kind = :k and uscc = :u and year = :y")
                .param("k", kind).param("u", uscc).param("y", year).query(String.class).list();
    }

    private void tax(String uscc, int year, String total) {
        jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, :y, cast(:t as numeric))")
                .param("u", uscc).param("y", year).param("t", total).update();
    }

    private void stats(String uscc, int year, String revenue, String output, String valueAdded) {
        jdbc.sql("""
                insert into stats_record (uscc, year, revenue, gross_output, value_added)
                values (:u, :y, cast(:r as numeric), cast(:o as numeric), cast(:v as numeric))""")
                .param("u", uscc).param("y", year).param("r", revenue).param("o", output).param("v", valueAdded).update();
    }

    private void kwh(String uscc, int year, int month, String kwh) {
        jdbc.sql("insert into electricity_record (uscc, year, month, kwh) values (:u, :y, :m, cast(:k as numeric))")
                .param("u", uscc).param("y", year).param("m", month).param("k", kwh).update();
    }

    private void finding(String kind, String uscc, int year) {
        jdbc.sql("insert into quality_finding (kind, uscc, year, region_code, detail) values (:k, :u, :y, :r, 'before')")
                .param("k", kind).param("u", uscc).param("y", year).param("r", TestFixture.TOWN_1).update();
    }
}
