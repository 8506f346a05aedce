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

    private final CarbonEfficiencyCodes codes;
    private final Jurisdiction jurisdiction;

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
        Integer y = year != null ? year : codes.latestYear().orElse(null);
        if (y == null || !jurisdiction.current().businessData()) {
            return out;
        }
        for (CarbonEfficiencyCodes.Code c : codes.list(y, new CarbonEfficiencyCodes.Filter(regionPrefix, null, null, null)).rows()) {
            if (c.result().grade() != null) {
                out.put(c.uscc(), c.result().grade().toString());
            }
        }
        return out;
    }
}
