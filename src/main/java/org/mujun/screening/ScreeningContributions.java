package org.mujun.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mujun.common.DashboardWidget;
import org.mujun.common.EnterprisePanel;
import org.mujun.common.EnterpriseStatus;
import org.mujun.common.NavLink;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What screening adds elsewhere: menu entries, the dashboard widgets (list progress by state, overdue milestones),
 * the "remediation" colouring of the map and the enterprise page's section (case and plan).
 */
@Component
class ScreeningContributions implements DashboardWidget.Provider, EnterpriseStatus.Provider, EnterprisePanel.Provider {

    private static final Set<String> OFFICIALS_AND_TOWN = Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "AUDITOR", "TOWN_OFFICER");

    private final ScreeningCases cases;
    private final RemediationPlans plans;
    private final ScreeningTotals totals;
    private final Jurisdiction jurisdiction;

    ScreeningContributions(ScreeningCases cases, RemediationPlans plans, ScreeningTotals totals, Jurisdiction jurisdiction) {
        this.cases = cases;
        this.plans = plans;
        this.totals = totals;
        this.jurisdiction = jurisdiction;
    }

    @Bean
    static NavLink screeningNavLink() {
        return new NavLink(40, "nav.screening", "/screening", NavLink.BUSINESS);
    }

    @Bean
    static NavLink screeningListNavLink() {
        return new NavLink(41, "nav.screening.list", "/screening/list", OFFICIALS_AND_TOWN);
    }

    @Bean
    static NavLink screeningOverdueNavLink() {
        return new NavLink(42, "nav.screening.overdue", "/screening/overdue", OFFICIALS_AND_TOWN);
    }

    @Bean
    static NavLink screeningTotalsNavLink() {
        return new NavLink(43, "nav.screening.totals", "/screening/totals", OFFICIALS_AND_TOWN);
    }

    @Bean
    static NavLink screeningRulesNavLink() {
        return new NavLink(44, "nav.screening.rules", "/screening/rules", NavLink.OFFICIALS);
    }

    private static boolean official() {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && (u.role().isAdmin() || u.role() == Role.AUDITOR || u.role() == Role.TOWN_OFFICER);
    }

    @Override
    public List<DashboardWidget> widgets(String regionCode, int year) {
        if (!official()) {
            return List.of();
        }
        Scope scope = jurisdiction.current();
        Map<CaseState, Long> byState = totals.byState(regionCode, scope);
        List<List<Object>> rows = new ArrayList<>();
        for (CaseState s : CaseState.values()) {
            rows.add(List.of(s.nameZh(), byState.getOrDefault(s, 0L)));
        }
        List<List<Object>> overdue = new ArrayList<>();
        for (RemediationPlans.Overdue o : plans.overdue(regionCode, scope).stream().limit(20).toList()) {
            overdue.add(Arrays.asList(o.name(), o.regionCode(), o.milestone().title(), o.milestone().deadline().toString(), o.milestone().responsibleUnit()));
        }
        return List.of(new DashboardWidget(40, "screening-progress", "screening.widget.progress", "bar", List.of("screening.col.state", "screening.widget.count"),
                        rows, "/screening"),
                new DashboardWidget(41, "screening-overdue", "screening.widget.overdue", "table",
                        List.of("screening.col.enterprise", "screening.region", "screening.plan.milestone", "screening.plan.deadline", "screening.plan.unit"),
                        overdue, "/screening/overdue"));
    }

    @Override
    public String key() {
        return "remediation";
    }

    @Override
    public String labelKey() {
        return "screening.status.label";
    }

    @Override
    public List<String> categories() {
        return Arrays.stream(CaseState.values()).map(Enum::name).toList();
    }

    /** The state of each enterprise's newest case (the year's cases when a year is given). */
    @Override
    public Map<String, String> statuses(String regionPrefix, Integer year) {
        Map<String, String> m = new HashMap<>();
        jurisdiction.sql("""
                        select distinct on (c.uscc) c.uscc, c.state from screening_case c
                        where SCOPE(c.region_code, c.uscc) and c.region_code like :rp and (cast(:y as integer) is null or c.year = :y)"""
                        + ScreeningCases.enterpriseFilter(jurisdiction.current()) + " order by c.uscc, c.year desc, c.id desc")
                .param("rp", (regionPrefix == null ? "" : regionPrefix) + "%").param("y", year)
                .query(rs -> {
                    m.put(rs.getString(1).trim(), rs.getString(2));
                });
        return m;
    }

    @Override
    public Optional<EnterprisePanel> panel(long enterpriseId, String uscc) {
        MujunUser u = Jurisdiction.currentUser();
        if (u == null || !u.role().seesBusinessData()) {
            return Optional.empty();
        }
        Scope scope = jurisdiction.current();
        return cases.latestOf(uscc, scope).map(c -> {
            Map<String, Object> model = new HashMap<>();
            model.put("c", c);
            model.put("plan", plans.ofCase(c.id(), scope).orElse(null));
            return new EnterprisePanel(60, "screening.panel.title", "screening/panels", model);
        });
    }
}
