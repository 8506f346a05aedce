package org.mujun.security;

/**
 * What rows a user may see (SPEC §1): rows whose region code starts with {@code regionPrefix},
 * further narrowed to one enterprise for the ENTERPRISE role; none at all for roles without
 * business data. Built only by {@link Jurisdiction}.
 */
public record Scope(String regionPrefix, String uscc, boolean businessData) {

    public static final Scope NONE = new Scope(null, null, false);

    /** Internal work (imports, demo loading, the CLI) that acts for a whole region. */
    public static Scope system(String regionPrefix) {
        return new Scope(regionPrefix == null ? "" : regionPrefix, null, true);
    }

    public boolean covers(String regionCode, String rowUscc) {
        if (!businessData || regionCode == null || !regionCode.startsWith(regionPrefix)) {
            return false;
        }
        return uscc == null || uscc.equals(rowUscc);
    }

    /** True when a region code is inside the user's region (ignores the enterprise restriction). */
    public boolean coversRegion(String regionCode) {
        return regionPrefix != null && regionCode != null && regionCode.startsWith(regionPrefix);
    }
}
