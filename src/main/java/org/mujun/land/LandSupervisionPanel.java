package org.mujun.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mujun.common.EnterprisePanel;
import org.mujun.common.HomeCard;
import org.mujun.common.NavLink;
import org.mujun.security.Jurisdiction;
import org.mujun.security.MujunUser;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * What land supervision adds elsewhere: the 标准地 section of an enterprise's page (contracts with
 * their latest 达产复核, idle findings on its parcels), the menu entry 用地监管 and a home card
 * counting flagged idle parcels.
 */
@Component
class LandSupervisionPanel implements EnterprisePanel.Provider, HomeCard.Provider {

    record ReviewBrief(long contractId, int round, LocalDate reviewedOn, boolean passed, BigDecimal penaltyWan, boolean reclaim,
                       LocalDate rectificationDeadline, String creditKind) {
    }

    record IdleBrief(long parcelId, String certificateNo, String status, LocalDate since, BigDecimal feeWan) {
    }

    private final StandardLandContracts contracts;
    private final Jurisdiction jurisdiction;

    LandSupervisionPanel(StandardLandContracts contracts, Jurisdiction jurisdiction) {
        this.contracts = contracts;
        this.jurisdiction = jurisdiction;
    }

    @Bean
    static NavLink landSupervisionNavLink() {
        return new NavLink(35, "landsup.nav", "/land/standard", NavLink.BUSINESS);
    }

    @Override
    public Optional<EnterprisePanel> panel(long enterpriseId, String uscc) {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null || !user.role().seesBusinessData()) {
            return Optional.empty();
        }
        var scope = jurisdiction.current();
        List<StandardLandContracts.Summary> list = contracts.list(null, null, null, uscc, 0, 200, scope).items();
        List<ReviewBrief> reviews = jurisdiction.sql("""
                        select r.contract_id, r.round, r.reviewed_on, r.passed, r.penalty_wan, r.reclaim, r.rectification_deadline, r.credit_kind
                        from standard_land_review r join standard_land_contract c on c.id = r.contract_id
                        where SCOPE(c.region_code, c.uscc) and c.uscc = :u order by r.contract_id, r.round""", scope)
                .param("u", uscc).query((rs, n) -> new ReviewBrief(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4),
                        rs.getBigDecimal(5), rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getString(8))).list();
        List<IdleBrief> idle = jurisdiction.sql("""
                        select s.parcel_id, p.certificate_no, s.status, s.since, s.fee_wan from idle_land_status s join parcel p on p.id = s.parcel_id
                        where SCOPE(s.region_code, s.uscc) and s.uscc = :u and s.status <> 'NOT_IDLE' order by s.parcel_id""", scope)
                .param("u", uscc).query((rs, n) -> new IdleBrief(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getBigDecimal(5))).list();
        if (list.isEmpty() && idle.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EnterprisePanel(40, "landsup.panel.title", "land/supervision-panels",
                Map.of("contracts", list, "reviews", reviews, "idle", idle)));
    }

    @Override
    public List<HomeCard> cards() {
        MujunUser user = Jurisdiction.currentUser();
        if (user == null || !user.role().seesBusinessData()) {
            return List.of();
        }
        long n = jurisdiction.sql("select count(*) from idle_land_status s where SCOPE(s.region_code, s.uscc)"
                + " and s.status in ('IDLE', 'RECLAIM_CANDIDATE')").query(Long.class).single();
        return List.of(new HomeCard(45, "landsup.card.idle", n, "/land/idle"));
    }
}
