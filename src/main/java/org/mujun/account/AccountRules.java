package org.mujun.account;

import org.mujun.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mujun.common.DatasetType;
import org.mujun.common.Uscc;

/**
 * What an account must look like for its role (SPEC §1), as plain rules: a province, city or
 * county admin needs a region of exactly that level (2, 4, 6 digits), a town officer a 9-digit
 * town, an enterprise account the USCC of an existing enterprise (its region is the enterprise's
 * town), a data provider a region and at least one data set, an auditor any region, and a
 * security admin none (三员分立: it manages accounts and sees no business data). Regions and
 * enterprises come from a {@link Lookup}, so the rules need no database to be tested.
 */
final class AccountRules {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");
    static final int MAX_DISPLAY_NAME = 100;

    private AccountRules() {
    }

    /** Where regions and enterprises are looked up. */
    interface Lookup {
        /** The level ("province", "city", "county", "town") of an existing region; empty when there is none. */
        Optional<String> regionLevel(String code);

        /** The region code of the enterprise with this USCC; empty when there is none. */
        Optional<String> enterpriseRegion(String uscc);
    }

    /** What an administrator typed (any field may be null or blank). */
    record Draft(String displayName, String role, String regionCode, String uscc, Set<String> datasets) {
    }

    /** A checked account: trimmed, upper-cased where it matters, region derived for ENTERPRISE. */
    record Valid(String displayName, Role role, String regionCode, String uscc, Set<String> datasets) {
    }

    /** All problems of a form at once, so a person can fix them in one go. */
    static final class InvalidAccountException extends IllegalArgumentException {
        private final List<String> problems;

        InvalidAccountException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    static List<String> usernameProblems(String username) {
        if (username == null || !USERNAME.matcher(username.trim()).matches()) {
            return List.of("用户名须为3至64位字母、数字或 . _ - @，以字母或数字开头 / "
                    + "a user name has 3 to 64 letters, digits or . _ - @ and starts with a letter or digit");
        }
        return List.of();
    }

    /** Checks a draft; throws {@link InvalidAccountException} listing every problem. */
    static Valid check(Draft d, Lookup lookup) {
        List<String> problems = new ArrayList<>();
        String display = trim(d.displayName());
        if (display == null || display.length() > MAX_DISPLAY_NAME) {
            problems.add("显示名称必填，最多100字 / a display name of at most 100 characters is required");
        }
        Role role = role(d.role(), problems);
        String region = trim(d.regionCode());
        String uscc = Uscc.normalise(trim(d.uscc()));
        Set<String> datasets = datasets(d.datasets(), problems);
        if (role == null) {
            throw new InvalidAccountException(problems);
        }
        if (role != Role.ENTERPRISE && uscc != null) {
            problems.add("只有企业用户填写统一社会信用代码 / only ENTERPRISE accounts have a USCC");
        }
        if (role != Role.DATA_PROVIDER && !datasets.isEmpty()) {
            problems.add("只有数据报送部门设数据集 / only DATA_PROVIDER accounts have data sets");
        }
        switch (role) {
            case PROVINCE_ADMIN -> regionOfLevel(region, 2, "province", "省级管理员的管辖区域须为2位省级代码",
                    "a PROVINCE_ADMIN needs a 2-digit province code", lookup, problems);
            case CITY_ADMIN -> regionOfLevel(region, 4, "city", "市级管理员的管辖区域须为4位市级代码",
                    "a CITY_ADMIN needs a 4-digit city code", lookup, problems);
            case COUNTY_ADMIN -> regionOfLevel(region, 6, "county", "县级管理员的管辖区域须为6位县（市、区）代码",
                    "a COUNTY_ADMIN needs a 6-digit county code", lookup, problems);
            case TOWN_OFFICER -> regionOfLevel(region, 9, "town", "乡镇（街道）人员的管辖区域须为9位乡镇（街道）代码",
                    "a TOWN_OFFICER needs a 9-digit town code", lookup, problems);
            case AUDITOR -> anyRegion(region, "审计督查须设管辖区域（任一级） / an AUDITOR needs a region code (any level)", lookup, problems);
            case DATA_PROVIDER -> {
                anyRegion(region, "数据报送部门须设管辖区域 / a DATA_PROVIDER needs a region code", lookup, problems);
                if (datasets.isEmpty()) {
                    problems.add("数据报送部门至少选择一个数据集 / a DATA_PROVIDER needs at least one data set");
                }
            }
            case ENTERPRISE -> region = enterpriseRegion(uscc, region, lookup, problems);
            case SECURITY_ADMIN -> {
                if (region != null) {
                    problems.add("安全管理员不设管辖区域（三员分立，不接触业务数据） / a SECURITY_ADMIN has no region "
                            + "(separation of duties: it sees no business data)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        return new Valid(display, role, region, role == Role.ENTERPRISE ? uscc : null, datasets);
    }

    private static Role role(String raw, List<String> problems) {
        String r = trim(raw);
        if (r == null) {
            problems.add("请选择角色 / choose a role");
            return null;
        }
        try {
            return Role.valueOf(r.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("未知角色 '" + r + "' / unknown role '" + r + "'");
            return null;
        }
    }

    private static Set<String> datasets(Set<String> raw, List<String> problems) {
        Set<String> out = new TreeSet<>();
        if (raw != null) {
            for (String s : raw) {
                if (s == null || s.isBlank()) {
                    continue;
                }
                try {
                    out.add(DatasetType.parse(s).name());
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return out;
    }

    private static void regionOfLevel(String region, int digits, String level, String zh, String en, Lookup lookup,
                                      List<String> problems) {
        if (region == null || region.length() != digits || !region.chars().allMatch(Character::isDigit)) {
            problems.add(zh + " / " + en);
            return;
        }
        Optional<String> found = lookup.regionLevel(region);
        if (found.isEmpty()) {
            problems.add(unknownRegion(region));
        } else if (!found.get().equals(level)) {
            problems.add(zh + " / " + en);
        }
    }

    private static void anyRegion(String region, String missing, Lookup lookup, List<String> problems) {
        if (region == null) {
            problems.add(missing);
        } else if (lookup.regionLevel(region).isEmpty()) {
            problems.add(unknownRegion(region));
        }
    }

    private static String enterpriseRegion(String uscc, String region, Lookup lookup, List<String> problems) {
        if (uscc == null) {
            problems.add("企业用户须填写其企业的统一社会信用代码 / an ENTERPRISE account needs its enterprise's USCC");
            return region;
        }
        try {
            new Uscc(uscc); // form only: codes on the override list are in master data with a failing check digit
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return region;
        }
        Optional<String> town = lookup.enterpriseRegion(uscc);
        if (town.isEmpty()) {
            problems.add("没有统一社会信用代码为 " + uscc + " 的企业 / no enterprise has the USCC " + uscc);
            return region;
        }
        if (region != null && !region.equals(town.get())) {
            problems.add("企业用户的管辖区域是其企业所在地 " + town.get() + "，不能另设 / an ENTERPRISE account's region is "
                    + "its enterprise's town " + town.get());
        }
        return town.get();
    }

    private static String unknownRegion(String region) {
        return "区划代码 " + region + " 不存在 / region code " + region + " does not exist";
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
