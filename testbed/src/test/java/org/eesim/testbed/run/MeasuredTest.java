package org.eesim.testbed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Layer;
import org.eesim.profile.Profile;
import org.eesim.profile.TimeStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics of a measured run, by hand on four requests written as the device fleet writes them. */
class MeasuredTest {

    static Profile twoExits() {
        Layer l = new Layer("l1", TimeStats.constant(1e-3), 100, List.of(), 0);
        Layer l2 = new Layer("l2", TimeStats.constant(1e-3), 10, List.of(), 0);
        Condition.Trace t = new Condition.Trace("pristine", Map.of(), 1, 2, new float[] {1f, 1f}, new float[] {0f, 0f},
                new boolean[] {true, true});
        return new Profile("p", "", Map.of(), 100, List.of(l, l2), List.of(new Branch("b1", 1, TimeStats.constant(0))),
                Map.of("pristine", t), "x");
    }

    @Test
    void metricsByHand(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("rows.csv");
        // node,seq,...: births 0.5 s (warm-up), 1.0, 1.5, 2.0 s; latencies 1, 10, 20, 30 ms;
        // the first measured exits at b1 on the edge, the others at the final exit in the cloud
        StringBuilder b = new StringBuilder(org.eesim.testbed.node.DeviceFleet.HEADER).append('\n');
        long[] birth = {500_000_000L, 1_000_000_000L, 1_500_000_000L, 2_000_000_000L};
        long[] lat = {1_000_000L, 10_000_000L, 20_000_000L, 30_000_000L};
        int[] exit = {0, 0, 1, 1};
        int[] tier = {1, 1, 2, 2};
        for (int i = 0; i < 4; i++) {
            // the edge computes 2 ms from 1 ms after birth; the cloud 4 ms when it serves
            long es = birth[i] + 1_000_000;
            long cs = tier[i] == 2 ? birth[i] + 5_000_000 : 0;
            b.append(i).append(",0,pristine,0,3,").append(birth[i]).append(',').append(birth[i] + 1000).append(',')
                    .append(birth[i] + 2000).append(',').append(birth[i] + lat[i]).append(',').append(exit[i]).append(',')
                    .append(tier[i]).append(",3,1,100,0,").append(birth[i]).append(',').append(es).append(',')
                    .append(es + 2_000_000).append(',').append(es + 2_000_000).append(',').append(cs == 0 ? 0 : cs - 1).append(',')
                    .append(cs).append(',').append(cs == 0 ? 0 : cs + 4_000_000).append(',').append(cs == 0 ? 0 : cs + 4_000_000)
                    .append(",\n");
        }
        Files.writeString(csv, b);
        List<Measured.Row> w = Measured.window(Measured.read(csv), 1.0, 3.0);
        assertEquals(3, w.size(), "the warm-up's request is left out");
        Map<String, Double> m = Measured.metrics(w, twoExits(), true, true, Map.of("2-0", 10, "3-0", 10), 1.0, 2.0);
        assertEquals(3, m.get("requests"));
        assertEquals(0.020, m.get("latency.mean"), 1e-12);
        assertEquals(0.030, m.get("latency.max"), 1e-12);
        assertEquals(1.0 / 3, m.get("exit.b1"), 1e-12);
        assertEquals(2.0 / 3, m.get("exit.final"), 1e-12);
        assertEquals(2.0 / 3, m.get("offload.edge_to_cloud"), 1e-12);
        assertEquals(100, m.get("bytes.uplink"), 1e-12);
        assertEquals(20.0 / 3, m.get("bytes.wan"), 1e-12);
        assertEquals(1.0, m.get("accuracy"), 1e-12);
        assertEquals(3 * 0.002 / 2.0, m.get("util.edge"), 1e-12, "three 2 ms computations in a 2 s window");
        assertEquals(2 * 0.004 / 2.0, m.get("util.cloud"), 1e-12);
        assertEquals(1e-6, m.get("testbed.dispatch_lag"), 1e-15);
        // HdrHistogram at 3 significant digits, as the simulator's
        assertEquals(0.020, m.get("latency.p50"), 0.020 * 1e-3);
        assertEquals(0.030, m.get("latency.p99"), 0.030 * 1e-3);
    }
}
