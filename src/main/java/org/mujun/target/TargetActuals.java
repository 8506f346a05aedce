package org.mujun.target;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The actual of any indicator for a region and year, from the {@link ActualsProvider} bean of the module
 * that owns the figures (one provider per indicator; a second one for the same indicator is a startup
 * error). An indicator no module provides yet has no actual.
 */
@Component
public class TargetActuals {

    private static final Logger log = LoggerFactory.getLogger(TargetActuals.class);

    private final Map<TargetIndicator, ActualsProvider> providers = new EnumMap<>(TargetIndicator.class);

    TargetActuals(List<ActualsProvider> beans) {
        for (ActualsProvider p : beans) {
            for (TargetIndicator i : p.indicators()) {
                ActualsProvider old = providers.put(i, p);
                if (old != null) {
                    throw new IllegalStateException("two actuals providers for " + i + ": " + old.getClass().getName() + " and "
                            + p.getClass().getName());
                }
            }
        }
        log.debug("target actuals provided for {}", providers.keySet());
    }

    public boolean provided(TargetIndicator indicator) {
        return providers.containsKey(indicator);
    }

    public Optional<BigDecimal> actual(TargetIndicator indicator, String regionCode, int year) {
        ActualsProvider p = providers.get(indicator);
        return p == null ? Optional.empty() : p.actual(indicator, regionCode, year);
    }
}
