package org.mujun.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mujun.common.DemoScenarioStep;
import org.mujun.land.StandardLandContract.Indicator;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Land supervision's part of the demo (SPEC §12): 标准地 contracts on some of each demo county's
 * 标准地 parcels, moved along 出让 → 开工 → 竣工 → 投产 as far as their dates allow (every fifth
 * one never starts, so the idle-land check has something to find), then the idle-land check run.
 */
@Component
class LandDemoStep implements DemoScenarioStep {

    static final int CONTRACTS_PER_COUNTY = 24;
    private static final String ACTOR = "demo";

    private final StandardLandContracts contracts;
    private final IdleLandCheck idle;
    private final Jurisdiction jurisdiction;

    LandDemoStep(StandardLandContracts contracts, IdleLandCheck idle, Jurisdiction jurisdiction) {
        this.contracts = contracts;
        this.idle = idle;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String name() {
        return "land: 标准地 contracts registered and moved, idle-land check run";
    }

    @Override
    @Transactional
    public String play(List<String> counties, int lastYear) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> out = new ArrayList<>();
        for (String county : counties) {
            record Parcel(long id, String uscc, LocalDate transferred) {
            }
            List<Parcel> parcels = jurisdiction.sql("""
                            select p.id, p.owner_uscc, p.transfer_date from parcel p
                            where SCOPE(p.region_code, p.owner_uscc) and p.standard_land and p.owner_uscc is not null
                              and p.transfer_date between :earliest and :latest and p.transfer_price_wan is not null
                              and not exists (select 1 from standard_land_contract c where c.parcel_id = p.id)
                            order by md5(p.certificate_no) limit :n""", Scope.system(county))
                    .param("earliest", today.minusYears(6)).param("latest", today.minusMonths(8)).param("n", CONTRACTS_PER_COUNTY)
                    .query((rs, n) -> new Parcel(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list();
            int made = 0;
            for (Parcel p : parcels) {
                LocalDate tr = p.transferred();
                Map<Indicator, BigDecimal> committed = new EnumMap<>(Indicator.class);
                committed.put(Indicator.INVESTMENT_INTENSITY, BigDecimal.valueOf(250 + 25 * (made % 5)));
                committed.put(Indicator.TAX_PER_MU, BigDecimal.valueOf(15 + 5 * (made % 3)));
                committed.put(Indicator.VALUE_ADDED_PER_MU, BigDecimal.valueOf(80 + 20 * (made % 4)));
                StandardLandContracts.TermsForm form = new StandardLandContracts.TermsForm("演示-" + county + "-" + (made + 1), p.id(), p.uscc(),
                        null, null, tr.plusMonths(1), tr.plusMonths(6), tr.plusMonths(24), tr.plusMonths(30), tr.plusMonths(36), committed,
                        null, null, null, null, null, null, null, null, null, null, "演示数据 demo");
                long id = contracts.register(form, ACTOR);
                if (made % 5 != 0) { // every fifth contract never starts: late start, idle land
                    move(id, StandardLandContracts.Move.START, tr.plusMonths(5), today);
                    move(id, StandardLandContracts.Move.COMPLETE, tr.plusMonths(22), today);
                    move(id, StandardLandContracts.Move.PRODUCE, tr.plusMonths(29), today);
                }
                made++;
            }
            IdleLandCheck.RunSummary s = idle.run(today, "CLI", ACTOR, Scope.system(county));
            out.add(county + ": " + made + " contracts, " + s.idle() + " idle, " + s.reclaim() + " reclaim candidates");
        }
        return String.join("; ", out);
    }

    private void move(long id, StandardLandContracts.Move move, LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            return;
        }
        contracts.move(id, contracts.find(id).summary().version(), move, on, null, ACTOR);
    }
}
