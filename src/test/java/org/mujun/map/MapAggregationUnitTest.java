package org.mujun.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mujun.map.MapAggregation.Member;
import org.mujun.map.MapAggregation.RegionCount;

class MapAggregationUnitTest {

    static final List<String> ABCD = List.of("A", "B", "C", "D");
    static final List<Member> MEMBERS = List.of(
            new Member("U1", "331082001"), new Member("U2", "331082001"), new Member("U3", "331082002"),
            new Member("U4", "331003001"), new Member("U5", "331082"), new Member("U6", "331082002"));

    @Test
    void countsPerCountyWithCategories() {
        Map<String, String> status = Map.of("U1", "A", "U2", "D", "U3", "D", "U4", "B", "U6", "X");
        List<RegionCount> counties = MapAggregation.aggregate(MEMBERS, status, ABCD, 6);
        assertThat(counties).extracting(RegionCount::region).containsExactly("331003", "331082");
        RegionCount linhai = counties.get(1);
        // U1 A, U2 D, U3 D, U5 (county-level, no status) → NONE, U6 unknown category → NONE
        assertThat(linhai.total()).isEqualTo(5);
        assertThat(linhai.byCategory()).containsExactly(Map.entry("A", 1), Map.entry("B", 0), Map.entry("C", 0), Map.entry("D", 2),
                Map.entry("NONE", 2));
        assertThat(counties.get(0).byCategory()).containsEntry("B", 1).containsEntry("NONE", 0);
    }

    @Test
    void townLevelLeavesOutEnterprisesRegisteredAtCountyLevel() {
        List<RegionCount> towns = MapAggregation.aggregate(MEMBERS, Map.of(), ABCD, 9);
        assertThat(towns).extracting(RegionCount::region).containsExactly("331003001", "331082001", "331082002");
        assertThat(towns).extracting(RegionCount::total).containsExactly(1, 2, 2); // U5 (331082) has no town
        assertThat(towns.get(1).byCategory().get("NONE")).isEqualTo(2);
    }

    @Test
    void levelByZoom() {
        assertThat(MapAggregation.levelLength(7, 10)).isEqualTo(6);
        assertThat(MapAggregation.levelLength(9, 10)).isEqualTo(6);
        assertThat(MapAggregation.levelLength(10, 10)).isEqualTo(9);
    }

    @Test
    void worstFollowsLegendOrder() {
        List<String> idle = List.of("NOT_IDLE", "INCOMPLETE", "IDLE", "RECLAIM_CANDIDATE");
        assertThat(MapAggregation.worst("IDLE", "NOT_IDLE", idle)).isEqualTo("IDLE");
        assertThat(MapAggregation.worst("IDLE", "RECLAIM_CANDIDATE", idle)).isEqualTo("RECLAIM_CANDIDATE");
        assertThat(MapAggregation.worst(null, "INCOMPLETE", idle)).isEqualTo("INCOMPLETE");
    }

    @Test
    void coloursRunFromGreenThroughYellowToRed() {
        assertThat(MapAggregation.colours(3)).containsExactly("#1a9641", "#fee08b", "#d7191c");
        assertThat(MapAggregation.colours(5)).hasSize(5).startsWith("#1a9641").endsWith("#d7191c");
        assertThat(MapAggregation.colours(1)).containsExactly("#1a9641");
    }
}
