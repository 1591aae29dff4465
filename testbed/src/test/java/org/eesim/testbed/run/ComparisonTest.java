package org.eesim.testbed.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs in spread: measured replications placed in the simulated replications' central 95%. */
class ComparisonTest {

    @Test
    void countsTheMeasuredRunsInsideTheSimulatedCentral95() {
        List<Double> simulated = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            simulated.add((double) i);
        }
        // type 7 quantiles of 1..40: 2.5% at 1 + 39 x 0.025 = 1.975, 97.5% at 1 + 39 x 0.975 = 39.025
        assertArrayEquals(new int[] {2, 4}, Comparison.inSpread(List.of(1.5, 2.0, 39.0, 39.5), simulated));
        assertArrayEquals(new int[] {0, 3}, Comparison.inSpread(List.of(1.9, 39.1, 100.0), simulated));
        assertArrayEquals(new int[] {0, 0}, Comparison.inSpread(List.of(), simulated), "nothing measured");
    }

    @Test
    void readsEachReplicationsValue(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("replications.csv");
        Files.writeString(csv, "point,replication,seed,metric,value\n0,0,-5,latency.mean,0.05\n0,1,7,latency.mean,0.07\n"
                + "1,0,9,latency.mean,0.2\n0,0,-5,latency.p95,0.1\n");
        var m = Comparison.replications(csv);
        assertEquals(List.of(0.05, 0.07), m.get(0).get("latency.mean"));
        assertEquals(List.of(0.1), m.get(0).get("latency.p95"));
        assertEquals(List.of(0.2), m.get(1).get("latency.mean"));
    }
}
