package org.mujun.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViewportUnitTest {

    @Test
    void parsesWestSouthEastNorth() {
        Viewport v = Viewport.parse(" 121.1, 28.8 ,121.2,28.9", "14");
        assertThat(v.west()).isEqualTo(121.1);
        assertThat(v.south()).isEqualTo(28.8);
        assertThat(v.east()).isEqualTo(121.2);
        assertThat(v.north()).isEqualTo(28.9);
        assertThat(v.zoom()).isEqualTo(14);
        assertThat(v.width()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(v.contains(121.15, 28.85)).isTrue();
        assertThat(v.contains(121.25, 28.85)).isFalse();
        assertThat(v.intersects(121.19, 28.89, 121.3, 29.0)).isTrue();
        assertThat(v.intersects(121.21, 28.0, 121.3, 29.0)).isFalse();
    }

    @Test
    void badBboxesSayWhatIsWrong() {
        assertThatThrownBy(() -> Viewport.parse(null, "14")).hasMessageContaining("bbox is required");
        assertThatThrownBy(() -> Viewport.parse("121,28,122", "14")).hasMessageContaining("must be 4 numbers").hasMessageContaining("got 3");
        assertThatThrownBy(() -> Viewport.parse("121,28,abc,29", "14")).hasMessageContaining("value 3 is not a number: 'abc'");
        assertThatThrownBy(() -> Viewport.parse("121,28,NaN,29", "14")).hasMessageContaining("value 3 is not finite");
        assertThatThrownBy(() -> Viewport.parse("122,28,121,29", "14")).hasMessageContaining("west < east");
        assertThatThrownBy(() -> Viewport.parse("121,29,122,28", "14")).hasMessageContaining("south < north");
        assertThatThrownBy(() -> Viewport.parse("121,28,190,29", "14")).hasMessageContaining("outside longitude");
        assertThatThrownBy(() -> Viewport.parse("121,-91,122,29", "14")).hasMessageContaining("outside longitude -180..180 or latitude");
    }

    @Test
    void badZoomsSayWhatIsWrong() {
        assertThatThrownBy(() -> Viewport.zoom(null)).hasMessageContaining("zoom is required");
        assertThatThrownBy(() -> Viewport.zoom("12.5")).hasMessageContaining("whole number from 0 to 22, not '12.5'");
        assertThatThrownBy(() -> Viewport.zoom("23")).hasMessageContaining("not 23");
        assertThatThrownBy(() -> Viewport.zoom("-1")).hasMessageContaining("not -1");
        assertThat(Viewport.zoom(" 0 ")).isZero();
        assertThat(Viewport.zoom("22")).isEqualTo(22);
    }
}
