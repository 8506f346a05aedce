package org.mujun.common;

/**
 * A GB/T 2260 region code: 2 digits (province), 4 (city), 6 (county) or 9 (town/sub-district).
 * Jurisdiction is by prefix: a user with code {@code 3310} sees every row whose region code
 * starts with {@code 3310} (SPEC §1).
 */
public record RegionCode(String value) {

    public RegionCode {
        if (value == null || !value.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("行政区划代码应为2、4、6或9位数字 / region code must have 2, 4, 6 or 9 digits: " + value);
        }
    }

    public static RegionCode of(String raw) {
        return new RegionCode(raw == null ? null : raw.trim());
    }

    /**
     * Shortens full six-digit codes written as 330000 / 331000 to their significant prefix
     * (33, 3310), as users and data files often write them that way.
     */
    public static RegionCode ofLoose(String raw) {
        String v = raw == null ? null : raw.trim();
        if (v != null && v.length() == 6) {
            if (v.endsWith("0000")) {
                v = v.substring(0, 2);
            } else if (v.endsWith("00")) {
                v = v.substring(0, 4);
            }
        }
        return new RegionCode(v);
    }

    public Level level() {
        return switch (value.length()) {
            case 2 -> Level.PROVINCE;
            case 4 -> Level.CITY;
            case 6 -> Level.COUNTY;
            default -> Level.TOWN;
        };
    }

    /** True when {@code other} lies inside (or is) this region. */
    public boolean contains(RegionCode other) {
        return other.value.startsWith(value);
    }

    /** The county code (6 digits) of a county or town, else empty. */
    public java.util.Optional<RegionCode> county() {
        return value.length() >= 6 ? java.util.Optional.of(new RegionCode(value.substring(0, 6))) : java.util.Optional.empty();
    }

    public enum Level { PROVINCE, CITY, COUNTY, TOWN }

    @Override
    public String toString() {
        return value;
    }
}
