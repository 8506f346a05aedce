package org.mujun.enterprise;

import java.util.List;
import org.mujun.common.HomeCard;
import org.mujun.region.RegionCounts;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.stereotype.Component;

/** Home card: the number of enterprises in the user's scope (from the region counts, cached for a whole province). */
@Component
class EnterpriseHomeCard implements HomeCard.Provider {

    private final RegionCounts counts;
    private final Jurisdiction jurisdiction;

    EnterpriseHomeCard(RegionCounts counts, Jurisdiction jurisdiction) {
        this.counts = counts;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public List<HomeCard> cards() {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null || !user.role().seesBusinessData() || user.regionCode() == null) {
            return List.of();
        }
        return List.of(new HomeCard(10, "home.card.enterprises", counts.of(user.regionCode(), jurisdiction.current()).enterprises(), "/enterprises"));
    }
}
