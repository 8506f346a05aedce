package org.mujun.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every message bundle has the same keys in Chinese (default) and English, and no empty values. */
class I18nPropertiesSyncTest {

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        List<String> problems = new ArrayList<>();
        int pairs = 0;
        for (Resource zh : all) {
            String name = zh.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            Resource en = zh.createRelative(name.replace(".properties", "_en.properties"));
            if (!en.exists()) {
                problems.add(name + " has no English bundle");
                continue;
            }
            pairs++;
            Properties z = load(zh), e = load(en);
            var onlyZh = new TreeSet<>(z.stringPropertyNames());
            onlyZh.removeAll(e.stringPropertyNames());
            var onlyEn = new TreeSet<>(e.stringPropertyNames());
            onlyEn.removeAll(z.stringPropertyNames());
            if (!onlyZh.isEmpty()) problems.add(name + ": missing in English: " + onlyZh);
            if (!onlyEn.isEmpty()) problems.add(name + ": missing in Chinese: " + onlyEn);
            for (Properties p : List.of(z, e)) {
                p.forEach((k, v) -> { if (v.toString().isBlank()) problems.add(name + ": empty value for " + k); });
            }
        }
        assertThat(pairs).as("bundles found").isGreaterThanOrEqualTo(1);
        assertThat(problems).isEmpty();
    }

    private static Properties load(Resource r) throws IOException {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
