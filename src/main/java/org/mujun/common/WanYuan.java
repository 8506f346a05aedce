package org.mujun.common;

import java.math.BigDecimal;

/** 万元 (ten thousand yuan), the unit of every money figure in the data sets (SPEC §3). */
public record WanYuan(BigDecimal value) {

    public static final WanYuan ZERO = new WanYuan(BigDecimal.ZERO);

    public WanYuan {
        if (value == null) {
            throw new IllegalArgumentException("万元 value is null");
        }
    }

    public static WanYuan of(String v) {
        return new WanYuan(new BigDecimal(v));
    }

    /** Yuan (元) to 万元. */
    public static WanYuan ofYuan(BigDecimal yuan) {
        return new WanYuan(yuan.movePointLeft(4));
    }

    public WanYuan plus(WanYuan other) {
        return new WanYuan(value.add(other.value));
    }
}
