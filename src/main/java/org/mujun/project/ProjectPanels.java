package org.mujun.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.common.EnterprisePanel;
import org.mujun.common.HomeCard;
import org.mujun.common.NavLink;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Scope;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What the project module adds elsewhere: sections of an enterprise's page (its projects and
 * 零增地技改 projects; roster memberships for officials; commitments and credit entries), the menu
 * entries 项目 and 名单, and home cards (项目数, 失信企业).
 */
@Component
class ProjectPanels implements HomeCard.Provider {

    private final Projects projects;
    private final ZeroLandProjects zeroLand;
    private final Rosters rosters;
    private final TrackedCommitments commitments;
    private final CreditRecords credit;
    private final Jurisdiction jurisdiction;

    ProjectPanels(Projects projects, ZeroLandProjects zeroLand, Rosters rosters, TrackedCommitments commitments, CreditRecords credit,
                  Jurisdiction jurisdiction) {
        this.projects = projects;
        this.zeroLand = zeroLand;
        this.rosters = rosters;
        this.commitments = commitments;
        this.credit = credit;
        this.jurisdiction = jurisdiction;
    }

    @Bean
    static NavLink projectsNavLink() {
        return new NavLink(70, "project.nav", "/projects", NavLink.BUSINESS);
    }

    @Bean
    static NavLink rostersNavLink() {
        return new NavLink(75, "project.roster.nav", "/rosters",
                java.util.Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "TOWN_OFFICER", "AUDITOR"));
    }

    private static boolean business() {
        MujunUser u = Jurisdiction.currentUser();
        return u != null && u.role().seesBusinessData();
    }

    /** Projects (项目全周期) and 零增地技改 projects of the enterprise. */
    @Bean
    EnterprisePanel.Provider projectsPanel() {
        return (id, uscc) -> {
            if (!business()) {
                return Optional.empty();
            }
            Scope scope = jurisdiction.current();
            var list = projects.list(null, null, null, uscc, 0, 200, scope).items();
            var zl = zeroLand.list(null, null, uscc, 0, 200, scope).items();
            return list.isEmpty() && zl.isEmpty() ? Optional.empty()
                    : Optional.of(new EnterprisePanel(60, "project.panel.projects", "project/panels", Map.of("kind", "projects", "projects", list, "zeroLand", zl)));
        };
    }

    /** Roster memberships (internal lists: not shown to the enterprise itself). */
    @Bean
    EnterprisePanel.Provider rostersPanel() {
        return (id, uscc) -> {
            MujunUser u = Jurisdiction.currentUser();
            if (!business() || u.role() == Role.ENTERPRISE) {
                return Optional.empty();
            }
            List<Map<String, Object>> m = rosters.membershipsOf(uscc, jurisdiction.current());
            return m.isEmpty() ? Optional.empty()
                    : Optional.of(new EnterprisePanel(65, "project.panel.rosters", "project/panels", Map.of("kind", "rosters", "rosters", m)));
        };
    }

    /** Commitments and credit entries (守信/失信). */
    @Bean
    EnterprisePanel.Provider commitmentsPanel() {
        return (id, uscc) -> {
            if (!business()) {
                return Optional.empty();
            }
            Scope scope = jurisdiction.current();
            var c = commitments.list(null, null, null, null, uscc, 0, 200, scope).items();
            var e = credit.list(null, "ALL", null, uscc, 0, 200, scope).items();
            return c.isEmpty() && e.isEmpty() ? Optional.empty()
                    : Optional.of(new EnterprisePanel(70, "project.panel.commitments", "project/panels", Map.of("kind", "commitments", "commitments", c, "credit", e)));
        };
    }

    @Override
    public List<HomeCard> cards() {
        if (!business()) {
            return List.of();
        }
        long n = projects.list(null, null, null, 0, 1).total();
        long broken = jurisdiction.sql("select count(distinct c.uscc) from credit_entry c where SCOPE(c.region_code, c.uscc) and c.kind = 'BROKEN'")
                .query(Long.class).single();
        return List.of(new HomeCard(70, "project.card.projects", n, "/projects"), new HomeCard(75, "project.card.broken", broken, "/credit"));
    }
}
