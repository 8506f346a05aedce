package org.mujun.energy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mujun.common.EnterpriseStatus;
import org.mujun.security.Jurisdiction;
import org.springframework.stereotype.Component;

/** The 碳效码 grade (1 best … 5) per enterprise for the map (SPEC §4, §9), of the year or the latest year with energy data. */
@Component
class CarbonGradeStatus implements EnterpriseStatus.Provider {

    /** How long the latest year is reused (finding it reads every energy and electricity row in the jurisdiction). */
    static final long LATEST_YEAR_MILLIS = 60_000;

    private final CarbonEfficiencyCodes codes;
    private final Jurisdiction jurisdiction;
    private final Map<String, long[]> latestYears = new java.util.concurrent.ConcurrentHashMap<>();

    CarbonGradeStatus(CarbonEfficiencyCodes codes, Jurisdiction jurisdiction) {
        this.codes = codes;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public String key() {
        return "carbon";
    }

    @Override
    public String labelKey() {
        return "map.status.carbon";
    }

    @Override
    public List<String> categories() {
        return List.of("1", "2", "3", "4", "5");
    }

    @Override
    public Map<String, String> statuses(String regionPrefix, Integer year) {
        Map<String, String> out = new HashMap<>();
        if (!jurisdiction.current().businessData()) {
            return out;
        }
        Integer y = year != null ? year : latestYear();
        if (y == null) {
            return out;
        }
        for (CarbonEfficiencyCodes.Code c : codes.list(y, new CarbonEfficiencyCodes.Filter(regionPrefix, null, null, null)).rows()) {
            if (c.result().grade() != null) {
                out.put(c.uscc(), c.result().grade().toString());
            }
        }
        return out;
    }

    private Integer latestYear() {
        var scope = jurisdiction.current();
        String key = scope.regionPrefix() + "|" + scope.uscc();
        long now = System.currentTimeMillis();
        long[] cached = latestYears.get(key);
        if (cached != null && now - cached[0] < LATEST_YEAR_MILLIS) {
            return cached[1] < 0 ? null : (int) cached[1];
        }
        Integer y = codes.latestYear().orElse(null);
        if (latestYears.size() > 1000) {
            latestYears.clear();
        }
        latestYears.put(key, new long[] {now, y == null ? -1 : y});
        return y;
    }
}
