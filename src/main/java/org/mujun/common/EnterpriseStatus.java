package org.mujun.common;

import java.util.List;
import java.util.Map;

/**
 * A status a module knows per enterprise, by which the map (一图呈现, SPEC §9) colours enterprises
 * and parcels: evaluation class, remediation state, idle-land status, 碳效 grade. Contributed as
 * {@link Provider} beans so the map never depends on the modules that own the statuses.
 */
public interface EnterpriseStatus {

    interface Provider {
        /** Stable key used in URLs, e.g. {@code "class"}, {@code "remediation"}, {@code "idle"}, {@code "carbon"}. */
        String key();

        /** Message key of the colouring's name. */
        String labelKey();

        /** The categories in legend order (codes such as {@code "A"} … {@code "D"}); colours follow this order. */
        List<String> categories();

        /**
         * Category per enterprise USCC for enterprises whose region code starts with {@code regionPrefix}
         * (the caller has checked it lies inside the user's jurisdiction) in {@code year} (null: latest);
         * enterprises without a status are absent.
         */
        Map<String, String> statuses(String regionPrefix, Integer year);
    }
}
