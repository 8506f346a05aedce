package org.mujun.land;

/**
 * How an evaluation scheme counts an enterprise's land (用地面积, SPEC §2). The default is the
 * SPEC's rule: owned + leased-in − leased-out.
 *
 * @param includeLeasedIn   add land the enterprise rents from others (承租)
 * @param subtractLeasedOut subtract land the enterprise rents to others (出租)
 * @param mergeTenants      evaluate tenants together with their landlord: the leased land stays in
 *                          the landlord's result (neither subtracted nor added) and each tenant is
 *                          reported as merged into its landlord, so the parcel gets one result
 */
public record LandRule(boolean includeLeasedIn, boolean subtractLeasedOut, boolean mergeTenants) {

    /** SPEC §2: owned + leased-in − leased-out, tenants evaluated on their own. */
    public static final LandRule DEFAULT = new LandRule(true, true, false);

    /** Tenants on a landlord's land merged into the landlord's result (one result per parcel). */
    public static final LandRule MERGE_TENANTS = new LandRule(true, true, true);
}
