package org.mujun.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyHashesUnitTest {

    private static final int[] KEY = {0, 1};

    private static long h(String... values) {
        return KeyHashes.hash(values, KEY);
    }

    @Test
    void aRepeatedKeyIsSeenWhereverItComes() {
        KeyHashes k = new KeyHashes();
        for (int i = 0; i < 100_000; i++) {
            k.add(h("91331082MA2AAAAA1" + (i % 10), Integer.toString(2000 + i / 10)));
        }
        assertThat(k.mayRepeat()).isFalse(); // 100,000 distinct keys, through several resizes
        k.add(h("91331082MA2AAAAA13", "2500"));
        assertThat(k.mayRepeat()).isTrue();
    }

    @Test
    void keysDifferingOnlyInHowValuesSplitHashApart() {
        assertThat(h("AB", "C")).isNotEqualTo(h("A", "BC"));
        assertThat(h(null, "1")).isNotEqualTo(h("", "1"));
        assertThat(KeyHashes.hash(new String[] {"x", "2021", "ignored"}, KEY))
                .isEqualTo(KeyHashes.hash(new String[] {"x", "2021", "other"}, KEY));
    }
}
