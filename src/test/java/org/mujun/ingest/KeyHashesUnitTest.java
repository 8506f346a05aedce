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
        assertThat(k.mayRepeat()).isFalse(); // 100,000 distinct keys in four chunks

        for (int at : new int[] {5, 40_000, 99_999}) { // a repeat in the first chunk, across chunks, in the last
            KeyHashes r = new KeyHashes();
            for (int i = 0; i < 100_000; i++) {
                r.add(h("91331082MA2AAAAA1" + (i % 10), Integer.toString(2000 + i / 10)));
                if (i == at) {
                    r.add(h("91331082MA2AAAAA13", "2003"));
                }
            }
            assertThat(r.mayRepeat()).as("repeat after row " + at).isTrue();
        }
        assertThat(new KeyHashes().mayRepeat()).isFalse();
    }

    @Test
    void keysDifferingOnlyInHowValuesSplitHashApart() {
        assertThat(h("AB", "C")).isNotEqualTo(h("A", "BC"));
        assertThat(h(null, "1")).isNotEqualTo(h("", "1"));
        assertThat(KeyHashes.hash(new String[] {"x", "2021", "ignored"}, KEY))
                .isEqualTo(KeyHashes.hash(new String[] {"x", "2021", "other"}, KEY));
    }
}
