package org.mujun.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reading typed values from form fields and request bodies, with the bilingual messages every
 * module's pages show: a blank field is null, a bad one an {@link IllegalArgumentException} naming
 * the field ({@code what}) and the text, which the pages show and the API answers with 400.
 */
public final class FormValues {

    private FormValues() {
    }

    /** A decimal ("1,234.5" allowed); null when blank. */
    public static BigDecimal number(String s, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + "：不是数字「" + s.trim() + "」 / not a number");
        }
    }

    /** A whole number; null when blank. */
    public static Integer integer(String s, String what) {
        BigDecimal b = number(s, what);
        if (b == null) {
            return null;
        }
        try {
            return b.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + "：应为整数 / must be a whole number");
        }
    }

    /** An ISO date (yyyy-MM-dd); null when blank. */
    public static LocalDate date(String s, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + "：日期格式应为 yyyy-MM-dd「" + s.trim() + "」 / date must be yyyy-MM-dd");
        }
    }

    /** The request body, or a 400 when it is missing (checked after authorisation, so a refused role gets 403, not 400). */
    public static <T> T body(T body) {
        if (body == null) {
            throw new IllegalArgumentException("请求体为空 / the request body is missing");
        }
        return body;
    }
}
