package org.mujun.project;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.mujun.target.ActualsProvider;
import org.mujun.target.TargetIndicator;
import org.springframework.stereotype.Component;

/**
 * 落地项目数 (SPEC §8 "projects landed"): projects of the region whose 落地 date falls in the year. The
 * stage only moves forward and keeps its dates, so a project that landed and later started still counts
 * in the year it landed.
 */
@Component
class ProjectActuals implements ActualsProvider {

    private final Jurisdiction jurisdiction;

    ProjectActuals(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    @Override
    public Set<TargetIndicator> indicators() {
        return Set.of(TargetIndicator.PROJECTS_LANDED);
    }

    @Override
    public Optional<BigDecimal> actual(TargetIndicator indicator, String regionCode, int year) {
        if (indicator != TargetIndicator.PROJECTS_LANDED) {
            return Optional.empty();
        }
        long n = jurisdiction.sql("""
                        select count(*) from project p where SCOPE(p.region_code, p.uscc) and p.region_code like :r
                          and p.landed_on >= make_date(:y, 1, 1) and p.landed_on < make_date(:y + 1, 1, 1)""", Scope.system(regionCode))
                .param("r", regionCode + "%").param("y", year).query(Long.class).single();
        return Optional.of(BigDecimal.valueOf(n));
    }
}
