package org.mujun.screening;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.mujun.target.ActualsProvider;
import org.mujun.target.TargetIndicator;
import org.springframework.stereotype.Component;

/**
 * Totals of the closed loop by region (SPEC §6 "Totals vs targets"): enterprises listed, remediated (delisted,
 * closed, exited or merged), delisted; 亩 freed, tce freed and t CO₂ cut — the expected outcomes of the plans of the
 * remediated cases, counted in the year the case was closed. Also the actuals of the targets (SPEC §8).
 */
@Component
public class ScreeningTotals implements ActualsProvider {

    public record Row(String regionCode, long listed, long onList, long remediated, long delisted, BigDecimal freedMu, BigDecimal freedTce,
                      BigDecimal cutCo2T) {
    }

    private static final String REMEDIATED = "('DELISTED','CLOSED','EXITED','MERGED')";
    private static final String EVER_LISTED = "('LISTED','PLAN_SUBMITTED','PLAN_RETURNED','PLAN_APPROVED','REMEDIATING','DELISTED','CLOSED','EXITED','MERGED')";

    private final Jurisdiction jurisdiction;

    ScreeningTotals(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    /** The next level's code length below a region (province 2 → city 4 → county 6 → town 9). */
    static int childLength(String region) {
        int l = region == null ? 0 : region.length();
        return l < 2 ? 2 : l < 4 ? 4 : l < 6 ? 6 : 9;
    }

    /**
     * Totals per child region of {@code region} (and the region's own total, last), for cases screened in
     * {@code year} (null: all years), in the scope.
     */
    public List<Row> byRegion(String region, Integer year, Scope scope) {
        String r = region == null ? "" : region;
        int len = childLength(r);
        String sql = """
                select substr(c.region_code, 1, %d) as code,
                  count(*) filter (where c.state in %s) as listed,
                  count(*) filter (where c.state in ('LISTED','PLAN_SUBMITTED','PLAN_RETURNED','PLAN_APPROVED','REMEDIATING')) as on_list,
                  count(*) filter (where c.state in %s) as remediated,
                  count(*) filter (where c.state = 'DELISTED') as delisted,
                  coalesce(sum(p.freed_mu) filter (where c.state in %s), 0) as mu,
                  coalesce(sum(p.freed_tce) filter (where c.state in %s), 0) as tce,
                  coalesce(sum(p.cut_co2_t) filter (where c.state in %s), 0) as co2
                from screening_case c left join screening_plan p on p.case_id = c.id
                where SCOPE(c.region_code, c.uscc) and c.region_code like :rp and (cast(:y as integer) is null or c.year = :y)
                group by grouping sets ((substr(c.region_code, 1, %d)), ())
                order by code nulls last""".formatted(len, EVER_LISTED, REMEDIATED, REMEDIATED, REMEDIATED, REMEDIATED, len);
        return jurisdiction.sql(sql, scope).param("rp", r + "%").param("y", year)
                .query((rs, n) -> new Row(rs.getString("code") == null ? "Σ" : rs.getString("code"), rs.getLong("listed"), rs.getLong("on_list"),
                        rs.getLong("remediated"), rs.getLong("delisted"), rs.getBigDecimal("mu").stripTrailingZeros(),
                        rs.getBigDecimal("tce").stripTrailingZeros(), rs.getBigDecimal("co2").stripTrailingZeros())).list();
    }

    /** Counts of cases per state in the region (the dashboard's list progress, the map legend). */
    public Map<CaseState, Long> byState(String region, Scope scope) {
        Map<CaseState, Long> m = new java.util.EnumMap<>(CaseState.class);
        jurisdiction.sql("select c.state, count(*) from screening_case c where SCOPE(c.region_code, c.uscc) and c.region_code like :rp group by c.state", scope)
                .param("rp", (region == null ? "" : region) + "%")
                .query(rs -> {
                    m.put(CaseState.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return m;
    }

    @Override
    public Set<TargetIndicator> indicators() {
        return Set.of(TargetIndicator.ENTERPRISES_REMEDIATED, TargetIndicator.LAND_FREED_MU, TargetIndicator.ENERGY_FREED_TCE, TargetIndicator.CO2_CUT_T);
    }

    /** Remediated in {@code year}: cases closed (销号, closure, exit, merger) that year, and their plans' outcomes. */
    @Override
    public Optional<BigDecimal> actual(TargetIndicator indicator, String regionCode, int year) {
        String expr = switch (indicator) {
            case ENTERPRISES_REMEDIATED -> "count(*)";
            case LAND_FREED_MU -> "coalesce(sum(p.freed_mu), 0)";
            case ENERGY_FREED_TCE -> "coalesce(sum(p.freed_tce), 0)";
            case CO2_CUT_T -> "coalesce(sum(p.cut_co2_t), 0)";
            default -> null;
        };
        if (expr == null) {
            return Optional.empty();
        }
        BigDecimal v = jurisdiction.sql("select " + expr + " from screening_case c left join screening_plan p on p.case_id = c.id"
                        + " where SCOPE(c.region_code, c.uscc) and c.state in " + REMEDIATED
                        + " and c.closed_on >= make_date(:y, 1, 1) and c.closed_on < make_date(:y + 1, 1, 1)", Scope.system(regionCode))
                .param("y", year).query(BigDecimal.class).single();
        return Optional.of(v.stripTrailingZeros());
    }
}
