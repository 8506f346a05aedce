package org.mujun.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Ranks items by a figure, highest first, with ties sharing a rank and the next rank skipped
 * ("1, 2, 2, 4", standard competition ranking); items without a figure come last, unranked (rank 0).
 * Ties and the unranked are listed by their key (region code) so the order is stable.
 */
public final class Ranking {

    public record Ranked<T>(int rank, T item, BigDecimal figure) {
    }

    private Ranking() {
    }

    public static <T> List<Ranked<T>> rank(List<T> items, Function<T, BigDecimal> figure, Function<T, String> key) {
        List<T> sorted = new ArrayList<>(items);
        Comparator<T> byFigure = Comparator.comparing(figure, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        sorted.sort(byFigure.thenComparing(key));
        List<Ranked<T>> out = new ArrayList<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            T t = sorted.get(i);
            BigDecimal f = figure.apply(t);
            if (f == null) {
                out.add(new Ranked<>(0, t, null));
                continue;
            }
            if (previous == null || f.compareTo(previous) != 0) {
                rank = i + 1;
            }
            previous = f;
            out.add(new Ranked<>(rank, t, f));
        }
        return out;
    }
}
