package org.mujun.ingest;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cross-source data-quality checks (SPEC §3), recomputed for whole years after each upload and on
 * demand: tax greater than revenue, energy zero but output large, year-on-year jumps beyond a
 * configurable factor, leased-out land larger than owned land. Enterprises unknown to master data
 * are recorded by the upload that named them.
 */
@Component
public class QualityChecks {

    static final List<String> KINDS = List.of("TAX_GT_REVENUE", "ENERGY_ZERO_OUTPUT_LARGE", "YOY_JUMP", "LAND_MISMATCH", "UNKNOWN_ENTERPRISE");

    private final JdbcClient jdbc;
    private final BigDecimal yoyFactor;
    private final BigDecimal largeOutput;

    QualityChecks(JdbcClient jdbc, @Value("${mujun.quality.yoy-factor:3}") BigDecimal yoyFactor,
                  @Value("${mujun.quality.large-output-wan:1000}") BigDecimal largeOutput) {
        this.jdbc = jdbc;
        this.yoyFactor = yoyFactor;
        this.largeOutput = largeOutput;
    }

    @Transactional
    public int run(List<Integer> years) {
        int found = 0;
        for (int year : years) {
            jdbc.sql("delete from quality_finding where year = :y and kind <> 'UNKNOWN_ENTERPRISE'").param("y", year).update();
            found += jdbc.sql("""
                    insert into quality_finding (kind, uscc, year, region_code, detail)
                    select 'TAX_GT_REVENUE', e.uscc, :y, e.region_code,
                           '实缴税金 ' || t.total_tax || ' 万元 大于营业收入 ' || s.revenue || ' 万元 / tax paid ' || t.total_tax
                           || ' exceeds revenue ' || s.revenue || ' (万元)'
                    from tax_record t join stats_record s on s.uscc = t.uscc and s.year = t.year
                    join enterprise e on e.uscc = t.uscc
                    where t.year = :y and s.revenue is not null and t.total_tax > s.revenue""").param("y", year).update();
            found += jdbc.sql("""
                    insert into quality_finding (kind, uscc, year, region_code, detail)
                    select 'ENERGY_ZERO_OUTPUT_LARGE', e.uscc, :y, e.region_code,
                           '工业总产值 ' || s.gross_output || ' 万元，但能耗与用电均为零或缺失 / output ' || s.gross_output
                           || ' 万元 with no energy or electricity use'
                    from stats_record s join enterprise e on e.uscc = s.uscc
                    where s.year = :y and s.gross_output >= :large
                      and coalesce((select sum(kwh) from electricity_record r where r.uscc = s.uscc and r.year = :y), 0) = 0
                      and coalesce((select sum(quantity) from energy_record r where r.uscc = s.uscc and r.year = :y), 0) = 0""")
                    .param("y", year).param("large", largeOutput).update();
            found += yoy(year, "tax_record", "total_tax", "实缴税金", "tax paid");
            found += yoy(year, "stats_record", "revenue", "营业收入", "revenue");
            found += yoy(year, "stats_record", "value_added", "工业增加值", "value added");
            found += jdbc.sql("""
                    insert into quality_finding (kind, uscc, year, region_code, detail)
                    select 'YOY_JUMP', e.uscc, :y, e.region_code,
                           '用电量同比变化 ' || round(c.kwh / p.kwh, 2) || ' 倍 / electricity use changed ' || round(c.kwh / p.kwh, 2) || '× year on year'
                    from (select uscc, sum(kwh) kwh from electricity_record where year = :y and month = 0 group by uscc) c
                    join (select uscc, sum(kwh) kwh from electricity_record where year = :y - 1 and month = 0 group by uscc) p on p.uscc = c.uscc
                    join enterprise e on e.uscc = c.uscc
                    where p.kwh > 0 and c.kwh > 0 and (c.kwh / p.kwh > :f or p.kwh / c.kwh > :f)""")
                    .param("y", year).param("f", yoyFactor).update();
            found += jdbc.sql("""
                    insert into quality_finding (kind, uscc, year, region_code, detail)
                    select 'LAND_MISMATCH', e.uscc, :y, e.region_code,
                           '出租面积 ' || l.area || ' 平方米 大于自有土地 ' || coalesce(o.area, 0) || ' 平方米 / leased-out area '
                           || l.area || ' m² exceeds owned area ' || coalesce(o.area, 0) || ' m²'
                    from (select lessor_uscc uscc, sum(area_m2) area from lease where :y between start_year and end_year group by lessor_uscc) l
                    left join (select owner_uscc uscc, sum(area_m2) area from parcel group by owner_uscc) o on o.uscc = l.uscc
                    join enterprise e on e.uscc = l.uscc
                    where l.area > coalesce(o.area, 0)""").param("y", year).update();
        }
        return found;
    }

    private int yoy(int year, String table, String column, String zh, String en) {
        return jdbc.sql("""
                insert into quality_finding (kind, uscc, year, region_code, detail)
                select 'YOY_JUMP', e.uscc, :y, e.region_code,
                       '%s同比变化 ' || round(c.%s / p.%s, 2) || ' 倍（' || p.%s || ' → ' || c.%s || ' 万元） / %s changed '
                       || round(c.%s / p.%s, 2) || '× year on year'
                from %s c join %s p on p.uscc = c.uscc and p.year = c.year - 1
                join enterprise e on e.uscc = c.uscc
                where c.year = :y and p.%s > 0 and c.%s > 0 and (c.%s / p.%s > :f or p.%s / c.%s > :f)"""
                .formatted(zh, column, column, column, column, en, column, column, table, table, column, column, column, column, column, column))
                .param("y", year).param("f", yoyFactor).update();
    }

    /** Re-runs the checks for every year that has data. */
    @Transactional
    public int runAll() {
        List<Integer> years = jdbc.sql("select distinct year from tax_record union select distinct year from stats_record order by 1")
                .query(Integer.class).list();
        return run(years);
    }
}
