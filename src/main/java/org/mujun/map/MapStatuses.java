package org.mujun.map;

import java.util.Comparator;
import java.util.List;
import org.mujun.common.EnterpriseStatus;
import org.springframework.stereotype.Component;

/** The colourings offered on the map: every {@link EnterpriseStatus.Provider} bean, by key. */
@Component
class MapStatuses {

    private final List<EnterpriseStatus.Provider> providers;

    MapStatuses(List<EnterpriseStatus.Provider> providers) {
        this.providers = providers.stream().sorted(Comparator.comparing(EnterpriseStatus.Provider::key)).toList();
    }

    List<EnterpriseStatus.Provider> all() {
        return providers;
    }

    /** The provider of {@code key}; null for none/blank; 400 for an unknown key. */
    EnterpriseStatus.Provider find(String key) {
        if (key == null || key.isBlank() || key.equals("none")) {
            return null;
        }
        return providers.stream().filter(p -> p.key().equals(key.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的着色 '" + key.trim() + "'，可选：" + keys() + " / unknown status '" + key.trim()
                        + "'; one of " + keys()));
    }

    private String keys() {
        return String.join(", ", providers.stream().map(EnterpriseStatus.Provider::key).toList());
    }
}
