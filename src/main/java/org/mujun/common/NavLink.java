package org.mujun.common;

import java.util.Set;

/**
 * An entry of the top menu. Modules declare their entries as beans; the menu shows those whose
 * {@code roles} contain the signed-in user's role name (e.g. {@code "COUNTY_ADMIN"}).
 */
public record NavLink(int order, String labelKey, String href, Set<String> roles) {

    /** Every role that sees business data (all but SECURITY_ADMIN and DATA_PROVIDER). */
    public static final Set<String> BUSINESS = Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "TOWN_OFFICER",
            "ENTERPRISE", "AUDITOR");
    /** The region administrators and the auditor. */
    public static final Set<String> OFFICIALS = Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "AUDITOR");
}
