package org.eesim.analysis.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors in results files name the file, the line and the column. */
class ReadingErrorsTest {

    @TempDir
    Path tmp;

    private Path summary(String text) throws Exception {
        Path f = tmp.resolve("summary.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void missingFile() {
        var e = assertThrows(ResultsException.class, () -> Summary.read(tmp.resolve("summary.csv")));
        assertEquals(tmp.resolve("summary.csv") + ": file not found", e.getMessage());
    }

    @Test
    void missingColumn() throws Exception {
        Path f = summary("point,metric,n,mean,sd,ci_low\n0,requests,1,2,0,2\n");
        var e = assertThrows(ResultsException.class, () -> Summary.read(f));
        assertTrue(e.getMessage().startsWith(f + ":1 ci_high: missing from the header"),
                e.getMessage());
    }

    @Test
    void badNumberNamesLineAndColumn() throws Exception {
        Path f = summary("point,metric,n,mean,sd,ci_low,ci_high\n"
                + "0,requests,1,2,0,2,2\n0,accuracy,1,abc,0,0,0\n");
        var e = assertThrows(ResultsException.class, () -> Summary.read(f));
        assertEquals(f + ":3 mean: 'abc' is not a number", e.getMessage());
    }

    @Test
    void wrongFieldCount() throws Exception {
        Path f = summary("point,metric,n,mean,sd,ci_low,ci_high\n0,requests,1,2\n");
        var e = assertThrows(ResultsException.class, () -> Summary.read(f));
        assertEquals(f + ":2: 4 fields, but the header has 7", e.getMessage());
    }

    @Test
    void nanIsAMetricWithoutValueNotAnError() throws Exception {
        Path f = summary("point,metric,n,mean,sd,ci_low,ci_high\n0,accuracy,10,NaN,NaN,NaN,NaN\n");
        assertTrue(Double.isNaN(Summary.read(f).get(0, "accuracy").orElseThrow().mean()));
    }

    @Test
    void quantileOutsideZeroOne() throws Exception {
        Path f = tmp.resolve("distribution.csv");
        Files.writeString(f, "point,replication,quantile,latency_s\n0,0,1.5,0.1\n");
        var e = assertThrows(ResultsException.class, () -> Distribution.read(f));
        assertEquals(f + ":2 quantile: 1.5 is not a probability in [0, 1]", e.getMessage());
    }

    @Test
    void unitsParseAndConvertWithinAKind() {
        assertEquals(18.8, Quantity.parse("18.8 Mbps").value(), 0);
        assertEquals(18800, Quantity.parse("18.8 Mbps").in("kbps"), 1e-9);
        assertEquals("/s", Quantity.parse("1/s").unit());
        assertEquals(5, Quantity.parse("5 ms").value(), 0);
        assertEquals("", Quantity.parse("0.8").unit());
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("5 ms").in("Mbps"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.parse("5 parsecs"));
    }

    @Test
    void missingYamlKeyNamesFileAndKey() throws Exception {
        Path f = tmp.resolve("resolved.yaml");
        Files.writeString(f, "early_exit:\n  threshold: 0.8\n");
        ResolvedScenario r = ResolvedScenario.read(f);
        assertEquals(0.8, r.quantity("early_exit.threshold").value(), 0);
        var e = assertThrows(ResultsException.class, () -> r.quantity("links.uplink.bandwidth"));
        assertEquals(f + " links.uplink.bandwidth: no such key", e.getMessage());
    }
}
