package org.mujun.common;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015: 18 characters from
 * {@link #ALPHABET}, the last a check character over the first 17.
 * <p>
 * The record itself guarantees the form (length and alphabet); {@link #parse} also
 * checks the check character unless the code is on the admin-kept override list
 * (legal pilot codes that fail it, SPEC §2).
 */
public record Uscc(String value) {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        String problem = formProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses and checks the check character; throws IllegalArgumentException with a bilingual message. */
    public static Uscc of(String raw) {
        return parse(raw, code -> false);
    }

    /** Parses; a code failing the check character is admitted only when {@code override} accepts it. */
    public static Uscc parse(String raw, Predicate<String> override) {
        String v = normalise(raw);
        String problem = problem(v);
        if (problem != null && !(formProblem(v) == null && override.test(v))) {
            throw new IllegalArgumentException(problem);
        }
        return new Uscc(v);
    }

    /** Upper-cases and trims; null stays null. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String raw) {
        return problem(normalise(raw)) == null;
    }

    /** Null when valid (form and check character), otherwise a bilingual message. */
    public static String problem(String v) {
        String form = formProblem(v);
        if (form != null) {
            return form;
        }
        char expected = checkChar(v.substring(0, 17));
        if (v.charAt(17) != expected) {
            return "统一社会信用代码校验位错误，应为" + expected + " / USCC check character should be " + expected;
        }
        return null;
    }

    private static String formProblem(String v) {
        if (v == null || v.isEmpty()) {
            return "统一社会信用代码为空 / USCC is empty";
        }
        if (v.length() != 18) {
            return "统一社会信用代码应为18位，实为" + v.length() + "位 / USCC must have 18 characters, has " + v.length();
        }
        if (!allInAlphabet(v)) {
            return "统一社会信用代码含非法字符 / USCC has a character outside 0-9 and A-Y without I, O, S, V, Z";
        }
        return null;
    }

    /** The GB 32100 check character for the first 17 characters: 31 − (Σ mod 31), 31 → 0. */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != 17 || !allInAlphabet(first17)) {
            throw new IllegalArgumentException("need 17 characters of the USCC alphabet");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - (sum % 31);
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    private static boolean allInAlphabet(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (ALPHABET.indexOf(v.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
