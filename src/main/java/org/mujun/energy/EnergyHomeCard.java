package org.mujun.energy;

import java.util.List;
import org.mujun.common.HomeCard;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.stereotype.Component;

/** Home card: total energy use (tce) in the user's scope for the latest year with data. */
@Component
class EnergyHomeCard implements HomeCard.Provider {

    private final CarbonAccounts accounts;

    EnergyHomeCard(CarbonAccounts accounts) {
        this.accounts = accounts;
    }

    /** Menu entry: every role that sees business data. */
    @org.springframework.context.annotation.Bean
    static org.mujun.common.NavLink energyNavLink() {
        return new org.mujun.common.NavLink(60, "nav.energy", "/energy", org.mujun.common.NavLink.BUSINESS);
    }

    @Override
    public List<HomeCard> cards() {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null || !user.role().seesBusinessData()) {
            return List.of();
        }
        return accounts.latestYear()
                .map(y -> List.of(new HomeCard(40, "energy.card.tce", accounts.list(y, null, null).totals().tce().setScale(0, java.math.RoundingMode.HALF_UP).longValue(), "/energy?year=" + y)))
                .orElse(List.of());
    }
}
