package org.mujun.energy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mujun.common.EnterprisePanel;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.stereotype.Component;

/** The "能耗与碳" section of an enterprise's page: the latest year's account and a link to the full carbon account. */
@Component
class EnergyPanel implements EnterprisePanel.Provider {

    private final CarbonAccounts accounts;

    EnergyPanel(CarbonAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<EnterprisePanel> panel(long enterpriseId, String uscc) {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null || !user.role().seesBusinessData()) {
            return Optional.empty();
        }
        return accounts.enterprise(enterpriseId).map(a -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("id", enterpriseId);
            model.put("latest", a.years().isEmpty() ? null : a.years().get(0));
            model.put("years", a.years().size());
            model.put("version", a.version());
            return new EnterprisePanel(40, "energy.panel.title", "energy/panels", model);
        });
    }
}
