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

    /**
     * Recomputes the findings of the given years. Each check is one set-based statement over all
     * the years at once (one pass over a table rather than one per year); the findings are the
     * same as checking the years one by one.
     */
    @Transactional
    public int run(List<Integer> years) {
        if (years.isEmpty()) {
            return 0;
        }
        Integer[] ys = years.toArray(Integer[]::new);
        int found = 0;
        jdbc.sql("delete from quality_finding where year = any(:ys) and kind <> 'UNKNOWN_ENTERPRISE'").param("ys", ys).update();
        found += jdbc.sql("""
                insert into quality_finding (kind, uscc, year, region_code, detail)
                select 'TAX_GT_REVENUE', e.uscc, t.year, e.region_code,
                       '实缴税金 ' || t.total_tax || ' 万元 大于营业收入 ' || s.revenue || ' 万元 / tax paid ' || t.total_tax
                       || ' exceeds revenue ' || s.revenue || ' (万元)'
                from tax_record t join stats_record s on s.uscc = t.uscc and s.year = t.year
                join enterprise e on e.uscc = t.uscc
                where t.year = any(:ys) and s.revenue is not null and t.total_tax > s.revenue""").param("ys", ys).update();
        found += jdbc.sql("""
                insert into quality_finding (kind, uscc, year, region_code, detail)
                select 'ENERGY_ZERO_OUTPUT_LARGE', e.uscc, s.year, e.region_code,
                       '工业总产值 ' || s.gross_output || ' 万元，但能耗与用电均为零或缺失 / output ' || s.gross_output
                       || ' 万元 with no energy or electricity use'
                from stats_record s join enterprise e on e.uscc = s.uscc
                where s.year = any(:ys) and s.gross_output >= :large
                  and coalesce((select sum(kwh) from electricity_record r where r.uscc = s.uscc and r.year = s.year), 0) = 0
                  and coalesce((select sum(quantity) from energy_record r where r.uscc = s.uscc and r.year = s.year), 0) = 0""")
                .param("ys", ys).param("large", largeOutput).update();
        found += yoy(ys, "tax_record", "total_tax", "实缴税金", "tax paid");
        found += yoy(ys, "stats_record", "revenue", "营业收入", "revenue");
        found += yoy(ys, "stats_record", "value_added", "工业增加值", "value added");
        found += jdbc.sql("""
                insert into quality_finding (kind, uscc, year, region_code, detail)
                select 'YOY_JUMP', e.uscc, c.year, e.region_code,
                       '用电量同比变化 ' || round(c.kwh / p.kwh, 2) || ' 倍 / electricity use changed ' || round(c.kwh / p.kwh, 2) || '× year on year'
                from (select uscc, year, sum(kwh) kwh from electricity_record where year = any(:ys) and month = 0 group by uscc, year) c
                join (select uscc, year, sum(kwh) kwh from electricity_record where year + 1 = any(:ys) and month = 0 group by uscc, year) p
                  on p.uscc = c.uscc and p.year = c.year - 1
                join enterprise e on e.uscc = c.uscc
                where p.kwh > 0 and c.kwh > 0 and (c.kwh / p.kwh > :f or p.kwh / c.kwh > :f)""")
                .param("ys", ys).param("f", yoyFactor).update();
        found += jdbc.sql("""
                insert into quality_finding (kind, uscc, year, region_code, detail)
                select 'LAND_MISMATCH', e.uscc, l.year, e.region_code,
                       '出租面积 ' || l.area || ' 平方米 大于自有土地 ' || coalesce(o.area, 0) || ' 平方米 / leased-out area '
                       || l.area || ' m² exceeds owned area ' || coalesce(o.area, 0) || ' m²'
                from (select lessor_uscc uscc, y.year, sum(area_m2) area from lease join unnest(cast(:ys as integer[])) y(year)
                        on y.year between start_year and end_year group by lessor_uscc, y.year) l
                left join (select owner_uscc uscc, sum(area_m2) area from parcel group by owner_uscc) o on o.uscc = l.uscc
                join enterprise e on e.uscc = l.uscc
                where l.area > coalesce(o.area, 0)""").param("ys", ys).update();
        return found;
    }

    private int yoy(Integer[] ys, String table, String column, String zh, String en) {
        return jdbc.sql("""
                insert into quality_finding (kind, uscc, year, region_code, detail)
                select 'YOY_JUMP', e.uscc, c.year, e.region_code,
                       '%s同比变化 ' || round(c.%s / p.%s, 2) || ' 倍（' || p.%s || ' → ' || c.%s || ' 万元） / %s changed '
                       || round(c.%s / p.%s, 2) || '× year on year'
                from %s c join %s p on p.uscc = c.uscc and p.year = c.year - 1
                join enterprise e on e.uscc = c.uscc
                where c.year = any(:ys) and p.%s > 0 and c.%s > 0 and (c.%s / p.%s > :f or p.%s / c.%s > :f)"""
                .formatted(zh, column, column, column, column, en, column, column, table, table, column, column, column, column, column, column))
                .param("ys", ys).param("f", yoyFactor).update();
    }

    /** Re-runs the checks for every year that has data. */
    @Transactional
    public int runAll() {
        List<Integer> years = jdbc.sql("select distinct year from tax_record union select distinct year from stats_record order by 1")
                .query(Integer.class).list();
        return run(years);
    }
}
