package org.mujun.demo;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A county the demo puts enterprises in: its real code and name (GB/T 2260), its city's name, its
 * real towns (nine-digit codes from the region table) and its boundary.
 */
record DemoCounty(String code, String name, String cityName, List<Town> towns, Geometry boundary) {

    record Town(String code, String name) {

        /** 杜桥镇 → 杜桥, 古城街道 → 古城. */
        String shortName() {
            for (String suffix : new String[]{"街道", "镇", "乡"}) {
                if (name.endsWith(suffix) && name.length() > suffix.length() + 1) {
                    return name.substring(0, name.length() - suffix.length());
                }
            }
            return name;
        }

        /** 街道 (urban sub-district), 镇, 乡 or another kind of town-level unit. */
        String kind() {
            return name.endsWith("街道") ? "街道" : name.endsWith("镇") ? "镇" : name.endsWith("乡") ? "乡" : "其他";
        }
    }

    DemoCounty {
        if (towns.isEmpty()) {
            throw new IllegalArgumentException("county " + code + " has no towns");
        }
        towns = List.copyOf(towns);
    }

    /** 临海市 → 临海, 景宁畲族自治县 → 景宁, 黄岩区 → 黄岩. */
    String shortName() {
        if (name.endsWith("自治县")) {
            return name.substring(0, 2);
        }
        return name.length() > 2 ? name.substring(0, name.length() - 1) : name;
    }

    /** What firms registered here put before their 字号: 临海市, 长兴县, and for a district the city: 台州市黄岩. */
    String firmPrefix() {
        return name.endsWith("区") ? cityName + shortName() : name;
    }
}
