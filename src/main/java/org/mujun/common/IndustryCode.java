package org.mujun.common;

import java.util.Locale;

/**
 * A GB/T 4754-2017 industry code, normalised to section letter plus digits:
 * {@code C}, {@code C26} (大类), {@code C261} (中类), {@code C2611} (小类).
 * Input may omit the letter ({@code 2611}); it is derived from the division.
 */
public record IndustryCode(String value) {

    public IndustryCode {
        if (value == null || !value.matches("[A-T](\\d{2,4})?")) {
            throw new IllegalArgumentException("行业代码格式错误 / industry code must be a GB/T 4754 section letter with 2-4 digits: " + value);
        }
        if (value.length() > 1 && sectionOf(value.substring(1, 3)) != value.charAt(0)) {
            throw new IllegalArgumentException("行业门类与大类不符 / industry section " + value.charAt(0) + " does not contain division " + value.substring(1, 3));
        }
    }

    public static IndustryCode of(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("行业代码为空 / industry code is empty");
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        if (v.matches("\\d{2,4}")) {
            char section = sectionOf(v.substring(0, 2));
            if (section == '?') {
                throw new IllegalArgumentException("未知行业大类 / unknown industry division: " + v);
            }
            v = section + v;
        }
        return new IndustryCode(v);
    }

    /** 大类 (two-digit division) with its section letter, e.g. C26; the section itself for a bare letter. */
    public String division() {
        return value.length() >= 3 ? value.substring(0, 3) : value;
    }

    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    /** The GB/T 4754-2017 section of a two-digit division, or '?' when none. */
    public static char sectionOf(String division) {
        int d;
        try {
            d = Integer.parseInt(division);
        } catch (NumberFormatException e) {
            return '?';
        }
        if (d >= 1 && d <= 5) return 'A';
        if (d >= 6 && d <= 12) return 'B';
        if (d >= 13 && d <= 43) return 'C';
        if (d >= 44 && d <= 46) return 'D';
        if (d >= 47 && d <= 50) return 'E';
        if (d >= 51 && d <= 52) return 'F';
        if (d >= 53 && d <= 60) return 'G';
        if (d >= 61 && d <= 62) return 'H';
        if (d >= 63 && d <= 65) return 'I';
        if (d >= 66 && d <= 69) return 'J';
        if (d == 70) return 'K';
        if (d >= 71 && d <= 72) return 'L';
        if (d >= 73 && d <= 75) return 'M';
        if (d >= 76 && d <= 79) return 'N';
        if (d >= 80 && d <= 82) return 'O';
        if (d == 83) return 'P';
        if (d >= 84 && d <= 85) return 'Q';
        if (d >= 86 && d <= 90) return 'R';
        if (d >= 91 && d <= 96) return 'S';
        if (d == 97) return 'T';
        return '?';
    }

    @Override
    public String toString() {
        return value;
    }
}
