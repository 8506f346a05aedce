package org.mujun.common;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An entry of the top menu. Modules declare their entries as beans; the menu shows those whose
 * {@code roles} contain the signed-in user's role name (e.g. {@code "COUNTY_ADMIN"}), grouped
 * under the menu headings of {@link #GROUPS}.
 *
 * @param group one of {@link #GROUPS}' keys; the four-argument constructor files an entry by its URL
 */
public record NavLink(int order, String labelKey, String href, Set<String> roles, String group) {

    /** Every role that sees business data (all but SECURITY_ADMIN and DATA_PROVIDER). */
    public static final Set<String> BUSINESS = Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "TOWN_OFFICER",
            "ENTERPRISE", "AUDITOR");
    /** The region administrators and the auditor. */
    public static final Set<String> OFFICIALS = Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "AUDITOR");

    /** Menu headings in display order; each has the message key {@code nav.group.<key>}. */
    public static final List<String> GROUPS = List.of("monitor", "data", "evaluation", "remediation", "land", "carbon", "system");

    /** Which heading a URL belongs under, by its first path segment(s). */
    private static final Map<String, String> BY_PREFIX = Map.ofEntries(
            Map.entry("/dashboard", "monitor"), Map.entry("/map", "monitor"), Map.entry("/targets", "monitor"),
            Map.entry("/regions", "data"), Map.entry("/enterprises", "data"), Map.entry("/parcels", "data"),
            Map.entry("/zones", "data"), Map.entry("/industries", "data"), Map.entry("/ingest", "data"),
            Map.entry("/evaluation", "evaluation"), Map.entry("/screening", "remediation"),
            Map.entry("/land", "land"), Map.entry("/projects", "land"), Map.entry("/rosters", "land"),
            Map.entry("/commitments", "land"), Map.entry("/credit", "land"),
            Map.entry("/energy", "carbon"), Map.entry("/admin", "system"), Map.entry("/audit", "system"));

    public NavLink {
        if (!GROUPS.contains(group)) {
            throw new IllegalArgumentException("unknown menu group '" + group + "' of " + href + "; one of " + GROUPS);
        }
    }

    public NavLink(int order, String labelKey, String href, Set<String> roles) {
        this(order, labelKey, href, roles, groupOf(href));
    }

    static String groupOf(String href) {
        String first = "/" + href.split("[/?]")[1];
        return BY_PREFIX.getOrDefault(first, "system");
    }
}
