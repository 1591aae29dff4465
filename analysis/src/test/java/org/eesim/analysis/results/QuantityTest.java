package org.eesim.analysis.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Axis values are converted with sim-core's units, the ones resolved.yaml is written in. */
class QuantityTest {

    @Test
    void convertsWithinAKind() {
        assertEquals(1.0, Quantity.parse("1000 kbps").in("Mbps"), 1e-12);
        assertEquals(0.5, Quantity.parse("500 ms").in("s"), 1e-12);
        assertEquals(120.0, Quantity.parse("2/s").in("/min"), 1e-9);
        assertEquals(2.0, Quantity.parse("2048 B").in("KiB"), 1e-12);
        assertEquals(0.8, Quantity.parse("0.8").in(""), 0);
    }

    @Test
    void refusesAcrossKindsAndUnknownUnits() {
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("1 Mbps").in("ms"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("3 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("3 KB"), "ambiguous in sim-core too");
    }
}
