package org.mujun.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 亩, the Chinese land unit: 1 亩 = 666.67 m² (SPEC §2). */
public record Mu(BigDecimal value) {

    public static final BigDecimal SQUARE_METRES_PER_MU = new BigDecimal("666.67");

    public Mu {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("亩数不能为负 / area in mu must not be negative: " + value);
        }
    }

    public static Mu ofSquareMetres(BigDecimal m2) {
        return new Mu(m2.divide(SQUARE_METRES_PER_MU, 6, RoundingMode.HALF_UP));
    }

    public BigDecimal squareMetres() {
        return value.multiply(SQUARE_METRES_PER_MU).setScale(2, RoundingMode.HALF_UP);
    }

    public Mu plus(Mu other) {
        return new Mu(value.add(other.value));
    }

    public double doubleValue() {
        return value.doubleValue();
    }
}
