package org.mujun.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Set;
import org.mujun.security.Jurisdiction;
import org.mujun.security.Scope;
import org.mujun.target.ActualsProvider;
import org.mujun.target.TargetIndicator;
import org.springframework.stereotype.Component;

/**
 * 新增工业用地标准地占比 (SPEC §8): of the industrial parcels (land use containing 工业) transferred in the
 * year in the region, the area flagged 标准地 ÷ the whole area × 100, 2 decimals; no industrial land
 * transferred that year: no actual.
 */
@Component
class StandardLandShare implements ActualsProvider {

    private final Jurisdiction jurisdiction;

    StandardLandShare(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    @Override
    public Set<TargetIndicator> indicators() {
        return Set.of(TargetIndicator.STANDARD_LAND_SHARE);
    }

    @Override
    public Optional<BigDecimal> actual(TargetIndicator indicator, String regionCode, int year) {
        if (indicator != TargetIndicator.STANDARD_LAND_SHARE) {
            return Optional.empty();
        }
        record Areas(BigDecimal standard, BigDecimal all) {
        }
        Areas a = jurisdiction.sql("""
                        select coalesce(sum(p.area_m2) filter (where p.standard_land), 0), coalesce(sum(p.area_m2), 0)
                        from parcel p where SCOPE(p.region_code, p.owner_uscc) and p.region_code like :r and p.land_use like '%工业%'
                          and p.transfer_date >= make_date(:y, 1, 1) and p.transfer_date < make_date(:y + 1, 1, 1)""", Scope.system(regionCode))
                .param("r", regionCode + "%").param("y", year)
                .query((rs, n) -> new Areas(rs.getBigDecimal(1), rs.getBigDecimal(2))).single();
        if (a.all().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(a.standard().multiply(new BigDecimal("100")).divide(a.all(), 2, RoundingMode.HALF_UP));
    }
}
