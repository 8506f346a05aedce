package org.mujun.region;

import org.mujun.common.RegionCode;

/** One administrative division; {@code code} is the significant prefix (33, 3310, 331082, 331082001). */
public record Region(String code, String name, String level, String parentCode) {

    public RegionCode regionCode() {
        return new RegionCode(code);
    }
}
