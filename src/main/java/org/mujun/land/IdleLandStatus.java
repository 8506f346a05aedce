package org.mujun.land;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mujun.common.EnterpriseStatus;
import org.mujun.security.Jurisdiction;
import org.springframework.stereotype.Component;

/**
 * Idle-land status per enterprise for the map (SPEC §7, §9): the latest daily check's finding of the parcels an
 * enterprise owns, the worst one when it owns several (legend order: not idle, data incomplete, idle, reclaim
 * candidate). The check is the current state, so {@code year} is not used.
 */
@Component
class IdleLandStatus implements EnterpriseStatus.Provider {

    static final List<String> CATEGORIES = List.of("NOT_IDLE", "INCOMPLETE", "IDLE", "RECLAIM_CANDIDATE");

    private final Jurisdiction jurisdiction;

    IdleLandStatus(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    @Override
    public String key() {
        return "idle";
    }

    @Override
    public String labelKey() {
        return "map.status.idle";
    }

    @Override
    public List<String> categories() {
        return CATEGORIES;
    }

    @Override
    public Map<String, String> statuses(String regionPrefix, Integer year) {
        Map<String, String> out = new HashMap<>();
        jurisdiction.sql("""
                        select s.uscc, s.status from idle_land_status s
                        where SCOPE(s.region_code, s.uscc) and s.region_code like :p and s.uscc is not null""")
                .param("p", (regionPrefix == null ? "" : regionPrefix) + "%")
                .query(rs -> {
                    out.merge(rs.getString(1).trim(), rs.getString(2), (a, b) -> CATEGORIES.indexOf(b) > CATEGORIES.indexOf(a) ? b : a);
                });
        return out;
    }
}
