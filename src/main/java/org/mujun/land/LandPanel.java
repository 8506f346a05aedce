package org.mujun.land;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mujun.common.EnterprisePanel;
import org.mujun.common.HomeCard;
import org.mujun.common.NavLink;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What the land module adds elsewhere: the "用地" section of an enterprise's page (parcels owned,
 * leases in and out, evaluated land by year under the default rule), the parcels home card and
 * the menu entry.
 */
@Component
class LandPanel implements EnterprisePanel.Provider, HomeCard.Provider {

    /** Years shown: those with tax or statistics data, and last year, at most this many. */
    static final int YEARS = 6;

    private final Parcels parcels;
    private final Leases leases;
    private final LandAreas areas;
    private final Jurisdiction jurisdiction;

    LandPanel(Parcels parcels, Leases leases, LandAreas areas, Jurisdiction jurisdiction) {
        this.parcels = parcels;
        this.leases = leases;
        this.areas = areas;
        this.jurisdiction = jurisdiction;
    }

    @Bean
    static NavLink landNavLink() {
        return new NavLink(30, "nav.land", "/parcels", NavLink.BUSINESS);
    }

    @Override
    public Optional<EnterprisePanel> panel(long enterpriseId, String uscc) {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null || !user.role().seesBusinessData()) {
            return Optional.empty();
        }
        Scope scope = jurisdiction.current();
        TreeSet<Integer> years = new TreeSet<>(jurisdiction.sql("""
                        select r.year from tax_record r join enterprise e on e.uscc = r.uscc
                        where SCOPE(e.region_code, e.uscc) and r.uscc = cast(:u as bpchar)
                        union select s.year from stats_record s join enterprise e on e.uscc = s.uscc
                        where SCOPE(e.region_code, e.uscc) and s.uscc = cast(:u as bpchar)""", scope)
                .param("u", uscc).query(Integer.class).list());
        years.add(Year.now().getValue() - 1);
        List<Integer> shown = years.descendingSet().stream().limit(YEARS).toList();
        List<Leases.Row> all = leases.ofEnterprise(uscc, scope);
        return Optional.of(new EnterprisePanel(30, "land.panel.title", "land/panels", Map.of(
                "uscc", uscc,
                "parcels", parcels.ownedBy(uscc, scope),
                "leasesIn", all.stream().filter(l -> l.lesseeUscc().equals(uscc)).toList(),
                "leasesOut", all.stream().filter(l -> l.lessorUscc().equals(uscc)).toList(),
                "evaluated", areas.forEnterprise(uscc, shown, scope, LandRule.DEFAULT))));
    }

    @Override
    public List<HomeCard> cards() {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null || !user.role().seesBusinessData()) {
            return List.of();
        }
        return List.of(new HomeCard(20, "home.card.parcels", parcels.count(jurisdiction.current()), "/parcels"));
    }
}
