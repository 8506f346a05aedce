package org.mujun.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mujun.common.EnterpriseStatus;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;

/**
 * The evaluation class (A/B/C/D) per enterprise for the map (SPEC §9): the final class of graded enterprises in
 * the published official runs (公示中 or 已定稿) of the year, newest year when none is given; where runs overlap
 * (a city's and a county's), the run of the smallest region, then the newest — as the region statistics count.
 */
@Component
class EvaluationClassStatus implements EnterpriseStatus.Provider {

    private final Jurisdiction jurisdiction;

    EvaluationClassStatus(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    @Override
    public String key() {
        return "class";
    }

    @Override
    public String labelKey() {
        return "map.status.class";
    }

    @Override
    public List<String> categories() {
        return List.of("A", "B", "C", "D");
    }

    @Override
    public Map<String, String> statuses(String regionPrefix, Integer year) {
        Scope scope = jurisdiction.current();
        Map<String, String> out = new HashMap<>();
        if (!scope.businessData() || scope.regionPrefix() == null) {
            return out;
        }
        Integer y = year != null ? year : jurisdiction.sql("""
                        select max(r.year) from evaluation_run r
                        where r.kind = 'OFFICIAL' and r.status in ('PUBLICIZING', 'FINAL') and """ + EvaluationSchemes.overlap("r.region_code") + """
                          and exists (select 1 from evaluation_result x where x.run_id = r.id and SCOPE(x.region_code, x.uscc))""", scope)
                .param("p", regionPrefix).query(Integer.class).optional().orElse(null);
        if (y == null) {
            return out;
        }
        jurisdiction.sql("""
                        select distinct on (x.uscc) x.uscc, x.final_class
                        from evaluation_result x join evaluation_run r on r.id = x.run_id
                        where r.kind = 'OFFICIAL' and r.status in ('PUBLICIZING', 'FINAL') and r.year = :y
                          and """ + EvaluationSchemes.overlap("r.region_code") + """
                          and SCOPE(x.region_code, x.uscc) and x.region_code like :p || '%' and x.outcome = 'GRADED'
                        order by x.uscc, length(r.region_code) desc, r.id desc""", scope)
                .param("y", y).param("p", regionPrefix)
                .query(rs -> {
                    if (rs.getString(2) != null) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                });
        return out;
    }
}
