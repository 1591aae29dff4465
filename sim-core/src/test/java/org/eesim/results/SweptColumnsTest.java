package org.eesim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.eesim.units.Units;
import org.junit.jupiter.api.Test;

/** Which swept keys get a numeric SI column, and how its numbers are written. */
class SweptColumnsTest {

    @Test
    void aKeyGetsANumericColumnOnlyWhenEveryValueIsAQuantityOfOneKind() {
        assertEquals(Units.Kind.BITRATE, SweptColumns.kindOfAll(List.of("5 Mbps", "10 kB/s", "2.15443 Mbps")));
        assertEquals(Units.Kind.TIME, SweptColumns.kindOfAll(List.of("5 ms", "1 min")));
        assertEquals(Units.Kind.SIZE, SweptColumns.kindOfAll(List.of("300 KiB", "1 MB")));
        assertEquals(Units.Kind.RATE, SweptColumns.kindOfAll(List.of("20/s", "3/min")));
        assertNull(SweptColumns.kindOfAll(List.of("0.5", "0.9")), "plain numbers are numbers already");
        assertNull(SweptColumns.kindOfAll(List.of("{pristine: 1}", "{blur-3: 1}")), "a mapping keeps its text");
        assertNull(SweptColumns.kindOfAll(List.of("popex", "fixed")));
        assertNull(SweptColumns.kindOfAll(List.of("5 ms", "5 Mbps")));
    }

    @Test
    void siValuesAreTheShortestPlainDecimals() {
        assertEquals("18800000", SweptColumns.plain(Units.parse("18.8 Mbps", Units.Kind.BITRATE)));
        assertEquals("2154430", SweptColumns.plain(Units.parse("2.15443 Mbps", Units.Kind.BITRATE)));
        assertEquals("0.005", SweptColumns.plain(Units.parse("5 ms", Units.Kind.TIME)));
        assertEquals("307200", SweptColumns.plain(Units.parse("300 KiB", Units.Kind.SIZE)));
        assertEquals("0", SweptColumns.plain(0.0));
        assertEquals("0.000000001", SweptColumns.plain(1e-9));
    }
}
