package org.mujun.enterprise;

import java.util.List;
import org.mujun.common.HomeCard;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.stereotype.Component;

/** Home card: the number of enterprises in the user's scope. */
@Component
class EnterpriseHomeCard implements HomeCard.Provider {

    private final Enterprises enterprises;
    private final Jurisdiction jurisdiction;

    EnterpriseHomeCard(Enterprises enterprises, Jurisdiction jurisdiction) {
        this.enterprises = enterprises;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public List<HomeCard> cards() {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null || !user.role().seesBusinessData()) {
            return List.of();
        }
        return List.of(new HomeCard(10, "home.card.enterprises", enterprises.count(jurisdiction.current()), "/enterprises"));
    }
}
