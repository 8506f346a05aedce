package org.mujun.common;

import java.math.BigDecimal;

/** Tonnes of standard coal equivalent (吨标准煤, tce), GB/T 2589-2020. */
public record Tce(BigDecimal value) {

    public static final Tce ZERO = new Tce(BigDecimal.ZERO);

    public Tce {
        if (value == null) {
            throw new IllegalArgumentException("tce value is null");
        }
    }

    /** From kilograms of coal equivalent (kgce). */
    public static Tce ofKgce(BigDecimal kgce) {
        return new Tce(kgce.movePointLeft(3));
    }

    public Tce plus(Tce other) {
        return new Tce(value.add(other.value));
    }
}
