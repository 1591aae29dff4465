package org.eesim.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eesim.units.Units.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource(delimiter = '=', value = {
        "3 ns = 3e-9", "7 us = 7e-6", "7 µs = 7e-6", "7 μs = 7e-6", "5 ms = 0.005", "5ms = 0.005",
        "1.5 s = 1.5", "2 min = 120", "0.5 h = 1800", "1e3 ms = 1", "2.5E-1 s = 0.25", ".5 s = 0.5"})
    void time(String text, double seconds) {
        assertEquals(seconds, Units.parse(text, Kind.TIME));
    }

    @ParameterizedTest(name = "{0} = {1} bit/s")
    @CsvSource(delimiter = '=', value = {
        "300 bps = 300", "64 kbps = 64e3", "64 Kbps = 64e3", "18.8 Mbps = 18.8e6", "1 Gbps = 1e9",
        "1 B/s = 8", "2 kB/s = 16e3", "2.5 MB/s = 20e6", "1 GB/s = 8e9",
        "1 KiB/s = 8192", "1 MiB/s = 8388608", "1 GiB/s = 8589934592"})
    void bitrate(String text, double bps) {
        assertEquals(bps, Units.parse(text, Kind.BITRATE));
    }

    @ParameterizedTest(name = "{0} = {1} B")
    @CsvSource(delimiter = '=', value = {
        "12 B = 12", "3 kB = 3000", "300 KiB = 307200", "2 MB = 2e6", "2 MiB = 2097152",
        "1 GB = 1e9", "1 GiB = 1073741824"})
    void size(String text, double bytes) {
        assertEquals(bytes, Units.parse(text, Kind.SIZE));
    }

    @ParameterizedTest(name = "{0} = {1} /s")
    @CsvSource(delimiter = '=', value = {
        "20/s = 20", "20 /s = 20", "1200/min = 20", "3/h = 0.0008333333333333334", "5/ms = 5000", "20 Hz = 20"})
    void rate(String text, double perSecond) {
        assertEquals(perSecond, Units.parse(text, Kind.RATE), 1e-15 * perSecond);
    }

    @ParameterizedTest(name = "{0} = {1} W")
    @CsvSource(delimiter = '=', value = {
        "10 W = 10", "1288.04 mW = 1.28804", "2 kW = 2000", "250 uW = 2.5e-4", "0.5W = 0.5"})
    void power(String text, double watts) {
        assertEquals(watts, Units.parse(text, Kind.POWER));
    }

    @ParameterizedTest(name = "{0} = {1} J")
    @CsvSource(delimiter = '=', value = {
        "5 J = 5", "438.39 mJ = 0.43839", "3 uJ = 3e-6", "3 \u00b5J = 3e-6", "7 nJ = 7e-9", "1.5 kJ = 1500"})
    void energy(String text, double joules) {
        assertEquals(joules, Units.parse(text, Kind.ENERGY));
    }

    @Test
    void powerAndEnergyAreKindsOfTheirOwn() {
        assertTrue(message("10 W", Kind.ENERGY).contains("'10 W' is a power, expected an energy"));
        assertTrue(message("5 J", Kind.POWER).contains("'5 J' is an energy, expected a power (units: uW, mW, W, kW)"),
                message("5 J", Kind.POWER));
        assertTrue(message("10", Kind.POWER).contains("needs a unit, e.g. '10 W'"));
        assertTrue(message("10 w", Kind.POWER).contains("did you mean 'W'?"), message("10 w", Kind.POWER));
    }

    @Test
    void decimalScalingIsExact() {
        // 5 * 0.001 in binary is 0.005000000000000001; written 5 ms must be the double 0.005.
        assertEquals(0.005, Units.parse("5 ms", Kind.TIME));
        assertEquals(0.3, Units.parse("300 ms", Kind.TIME));
    }

    @Test
    void signsAreParsedSoThatCallersCanRefuseNegativeValuesByName() {
        assertEquals(-5e6, Units.parse("-5 Mbps", Kind.BITRATE));
    }

    @Test
    void bareNumberNeedsAUnit() {
        String m = message("5", Kind.TIME);
        assertTrue(m.contains("needs a unit, e.g. '5 ms'"), m);
        assertTrue(message("18.8", Kind.BITRATE).contains("e.g. '18.8 Mbps'"));
    }

    @Test
    void wrongKindNamesTheAcceptedUnits() {
        String m = message("5 ms", Kind.BITRATE);
        assertTrue(m.contains("'5 ms' is a time, expected a bitrate"), m);
        assertTrue(m.contains("(units: bps, kbps, Mbps, Gbps, B/s, kB/s"), m);
        assertTrue(message("20/s", Kind.TIME).contains("is a rate, expected a time"));
        assertTrue(message("3 MiB", Kind.BITRATE).contains("is a size, expected a bitrate"));
        assertTrue(message("1 Gbps", Kind.SIZE).contains("is a bitrate, expected a size"));
    }

    @Test
    void kbIsAmbiguous() {
        String m = message("300 KB", Kind.SIZE);
        assertTrue(m.contains("ambiguous: write kB (1000) or KiB (1024)"), m);
        assertTrue(message("3 KB/s", Kind.BITRATE).contains("ambiguous: write kB/s (1000) or KiB/s (1024)"));
    }

    @Test
    void unknownUnitSuggestsTheRightCase() {
        String m = message("18.8 mbps", Kind.BITRATE);
        assertTrue(m.contains("unknown unit 'mbps': did you mean 'Mbps'?"), m);
        assertTrue(message("5 parsecs", Kind.TIME).contains("unknown unit 'parsecs' (units for a time: ns, us, µs, ms, s, min, h)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "ms", "five ms", "1e999999 s"})
    void notAQuantity(String text) {
        String m = message(text, Kind.TIME);
        assertTrue(m.contains("expected a time such as '5 ms'") || m.contains("out of range"), m);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "0.005, TIME, 5 ms", "600, TIME, 10 min", "90, TIME, 90 s", "1.5e-7, TIME, 150 ns", "0, TIME, 0 s",
        "7200, TIME, 2 h", "1.0E-12, TIME, 1e-12 s",
        "18.8e6, BITRATE, 18.8 Mbps", "1e9, BITRATE, 1 Gbps", "20e6, BITRATE, 20 Mbps", "12345, BITRATE, 12345 bps",
        "12288, SIZE, 12 KiB", "1500000, SIZE, 1.5 MB", "1000, SIZE, 1 kB",
        "2, RATE, 2/s", "0.5, RATE, 30/min", "0.001, RATE, 3.6/h",
        "10, POWER, 10 W", "1.28804, POWER, 1.28804 W", "0.13286, POWER, 132.86 mW", "1500, POWER, 1.5 kW",
        "0.43839, ENERGY, 438.39 mJ", "12.3, ENERGY, 12.3 J", "2e-7, ENERGY, 200 nJ"})
    void formatChoosesAReadableUnit(double value, Kind kind, String expected) {
        assertEquals(expected, Units.format(value, kind));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 1.0 / 3, Math.PI, 1e-9, 123456.789, 5e-4, 86400.5, 7.77e11, 0.0008333333333333334})
    void formatReadsBackExactly(double value) {
        for (Kind kind : Kind.values()) {
            assertEquals(value, Units.parse(Units.format(value, kind), kind), kind + " " + Units.format(value, kind));
        }
    }

    private static String message(String text, Kind kind) {
        return assertThrows(IllegalArgumentException.class, () -> Units.parse(text, kind)).getMessage();
    }
}
