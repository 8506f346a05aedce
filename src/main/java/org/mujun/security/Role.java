package org.mujun.security;

/** The roles of SPEC §1. Admin roles differ only by the length of their region code. */
public enum Role {
    PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, TOWN_OFFICER, DATA_PROVIDER, ENTERPRISE, AUDITOR, SECURITY_ADMIN;

    public boolean isAdmin() {
        return this == PROVINCE_ADMIN || this == CITY_ADMIN || this == COUNTY_ADMIN;
    }

    /** Roles that may read enterprises, data and results inside their scope. */
    public boolean seesBusinessData() {
        return this != SECURITY_ADMIN && this != DATA_PROVIDER;
    }

    /** Roles that may see tax figures unmasked (SPEC §11: masked for roles that do not need them). */
    public boolean seesTax() {
        return isAdmin() || this == AUDITOR || this == ENTERPRISE;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
