package org.mujun.ingest;

import java.util.ArrayList;
import java.util.List;
import org.mujun.common.HomeCard;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.stereotype.Component;

@Component
class IngestHomeCards implements HomeCard.Provider {

    private final Uploads uploads;
    private final DataHistory history;

    IngestHomeCards(Uploads uploads, DataHistory history) {
        this.uploads = uploads;
        this.history = history;
    }

    /** Menu entry: administrators, data providers and auditors. */
    @org.springframework.context.annotation.Bean
    static org.mujun.common.NavLink ingestNavLink() {
        return new org.mujun.common.NavLink(50, "nav.ingest", "/ingest",
                java.util.Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "DATA_PROVIDER", "AUDITOR"));
    }

    @Override
    public List<HomeCard> cards() {
        MujunUser me = Jurisdiction.currentUser();
        List<HomeCard> cards = new ArrayList<>();
        if (me != null && (me.role().isAdmin() || me.role() == org.mujun.security.Role.DATA_PROVIDER || me.role() == org.mujun.security.Role.AUDITOR)) {
            cards.add(new HomeCard(30, "home.card.uploads", uploads.count(me, null), "/ingest"));
        }
        if (me != null && me.role().seesBusinessData()) {
            cards.add(new HomeCard(40, "home.card.findings", history.findingCount(null, null), "/ingest/quality"));
        }
        return cards;
    }
}
