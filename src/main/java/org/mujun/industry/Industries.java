package org.mujun.industry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mujun.common.IndustryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The GB/T 4754-2017 industries shipped with Mujun (sections B, C, D at 大类 plus the groups and
 * classes the 两高 set names). Reference data changed only by migrations, so cached for good.
 * Codes deeper than the table (C2611) are accepted when their 大类 is known and named by their
 * longest known prefix.
 */
@Repository
public class Industries {

    /** One row of the classification; {@code level} is section, division (大类), group (中类) or class (小类). */
    public record Industry(String code, String name, String nameEn, String level, String parentCode) {

        /** Name in the current language: English where there is one and the locale is English. */
        public String label(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
        }
    }

    private final JdbcClient jdbc;
    private volatile Map<String, Industry> byCode;

    public Industries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every industry in code order (sections first within their letter: B, B06, B07 … C, C13 …). */
    public List<Industry> all() {
        return cache().values().stream().sorted(Comparator.comparing(Industry::code)).toList();
    }

    public Optional<Industry> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(cache().get(code));
    }

    /** The most specific shipped industry that {@code code} falls in (C2611 → C26), if any. */
    public Optional<Industry> nearest(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (int len = code.length(); len >= 1; len--) {
            Industry i = cache().get(code.substring(0, len));
            if (i != null) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** "C26 化学原料和化学制品制造业" style label, or the code alone when unknown; null stays null. */
    public String label(String code, Locale locale) {
        if (code == null) {
            return null;
        }
        return nearest(code).map(i -> code + " " + i.label(locale)).orElse(code);
    }

    /**
     * Parses and checks a code for master data: GB/T 4754 form ({@link IndustryCode}) and a 大类
     * Mujun knows (a bare section letter is accepted when the section is known).
     */
    public IndustryCode validate(String raw) {
        IndustryCode code = IndustryCode.of(raw);
        if (!cache().containsKey(code.division())) {
            throw new IllegalArgumentException("行业大类 " + code.division() + " 不在已载入的国民经济行业分类中 / industry division "
                    + code.division() + " is not in the loaded GB/T 4754 table");
        }
        return code;
    }

    private Map<String, Industry> cache() {
        Map<String, Industry> m = byCode;
        if (m == null) {
            Map<String, Industry> loaded = new LinkedHashMap<>();
            jdbc.sql("select code, name, name_en, level, parent_code from industry order by code")
                    .query((rs, n) -> new Industry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                    .list().forEach(i -> loaded.put(i.code(), i));
            byCode = m = Map.copyOf(loaded);
        }
        return m;
    }
}
