package org.mujun.target;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * A module that computes the actual value of some {@link TargetIndicator}s from its own data
 * (screening: enterprises remediated, land and energy freed, CO₂ cut; projects: projects landed …).
 * The target module collects every provider bean, so it never reads other modules' tables.
 */
public interface ActualsProvider {

    Set<TargetIndicator> indicators();

    /**
     * The actual for a region (every row whose region code starts with {@code regionCode}) and year,
     * as of today; empty when there is nothing to measure. Called by background jobs too, so it must
     * not depend on the signed-in user: read with {@code Scope.system(regionCode)}.
     */
    Optional<BigDecimal> actual(TargetIndicator indicator, String regionCode, int year);
}
