package org.mujun.demo;

/** Deterministic number formatting and CSV quoting for the COPY stream (no locale, no String.format). */
final class DemoText {

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private DemoText() {
    }

    /** {@code v} rounded half away from zero to {@code decimals} places, written without exponent. */
    static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        long scale = POW10[decimals];
        long n = Math.round(Math.abs(v) * scale);
        if (v < 0 && n != 0) {
            sb.append('-');
        }
        sb.append(n / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(n % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    static String fixed(double v, int decimals) {
        return fixed(new StringBuilder(24), v, decimals).toString();
    }

    /** Appends a CSV field, quoted when it holds a comma, quote or line break. */
    static StringBuilder csv(StringBuilder sb, String v) {
        if (v == null) {
            return sb;
        }
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return sb.append(v);
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        return sb.append('"');
    }
}
