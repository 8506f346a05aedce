package org.mujun.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Password complexity (SPEC §11, 等保 2.0 practice): at least 10 characters with at least three
 * of lower case, upper case, digits and symbols, and not containing the user name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** Empty when acceptable; otherwise the bilingual reasons. */
    public static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("密码至少" + MIN_LENGTH + "位 / password needs at least " + MIN_LENGTH + " characters");
            if (password == null) {
                return problems;
            }
        }
        int classes = 0;
        if (password.chars().anyMatch(Character::isLowerCase)) classes++;
        if (password.chars().anyMatch(Character::isUpperCase)) classes++;
        if (password.chars().anyMatch(Character::isDigit)) classes++;
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
        if (classes < 3) {
            problems.add("密码需包含大写字母、小写字母、数字、符号中的至少三类 / password needs three of: upper case, lower case, digits, symbols");
        }
        if (username != null && !username.isBlank() && password.toLowerCase().contains(username.toLowerCase())) {
            problems.add("密码不能包含用户名 / password must not contain the user name");
        }
        return problems;
    }

    /** A random password that satisfies the policy, for first start and resets. */
    public static String generate() {
        java.security.SecureRandom r = new java.security.SecureRandom();
        String lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", sym = "-_.!";
        String all = lower + upper + digits + sym;
        StringBuilder sb = new StringBuilder();
        sb.append(lower.charAt(r.nextInt(lower.length()))).append(upper.charAt(r.nextInt(upper.length())))
          .append(digits.charAt(r.nextInt(digits.length()))).append(sym.charAt(r.nextInt(sym.length())));
        while (sb.length() < 16) {
            sb.append(all.charAt(r.nextInt(all.length())));
        }
        List<Character> chars = new ArrayList<>();
        for (char c : sb.toString().toCharArray()) chars.add(c);
        java.util.Collections.shuffle(chars, r);
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }
}
