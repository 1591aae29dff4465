package org.eesim.analysis.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Small hand-made results folders in the format sim-core writes, with the numbers chosen so a
 * test knows what each figure must contain: two exits (b1, final), three tiers, two
 * replications, a 5-point latency distribution.
 */
final class TestRuns {

    private TestRuns() {
    }

    /** A folder named {@code name} at the given threshold, uplink bandwidth and condition. */
    static Path write(Path parent, String name, double threshold, String bandwidth, String mix,
            double latencySeconds, double accuracy) {
        Path dir = parent.resolve(name);
        double offload = 1 - threshold / 2;
        StringBuilder s = new StringBuilder("point,metric,n,mean,sd,ci_low,ci_high\n");
        row(s, "requests", 1000, 0);
        row(s, "offload.device_to_next", offload, 0.01);
        row(s, "exit.b1", 1 - offload, 0.01);
        row(s, "exit.final", offload, 0.01);
        row(s, "accuracy", accuracy, 0.005);
        row(s, "latency.mean", latencySeconds, latencySeconds / 50);
        row(s, "latency.p50", latencySeconds * 0.9, 0.001);
        row(s, "latency.p95", latencySeconds * 2, 0.002);
        row(s, "latency.p99", latencySeconds * 3, 0.003);
        row(s, "latency.max", latencySeconds * 5, 0.01);
        row(s, "bytes.uplink", 50000 * offload, 100);
        row(s, "util.device", 0.2, 0.01);
        row(s, "queue.device", 0.05, 0.01);
        row(s, "util.uplink", offload * 0.8, 0.01);
        row(s, "queue.uplink", offload, 0.05);
        row(s, "util.edge", 0.1, 0.01);
        row(s, "queue.edge", 0.0, 0.0);
        StringBuilder d = new StringBuilder("point,replication,quantile,latency_s\n");
        double[] q = {0.0, 0.25, 0.5, 0.75, 1.0};
        for (int rep = 0; rep < 2; rep++) {
            for (double quantile : q) {
                d.append(String.format(Locale.ROOT, "0,%d,%s,%s%n", rep, quantile,
                        latencySeconds * (0.2 + 2 * quantile) * (rep == 0 ? 0.9 : 1.1)));
            }
        }
        String yaml = "name: " + name + "\n"
                + "links:\n  uplink:\n    bandwidth: " + bandwidth + "\n    delay: 5 ms\n"
                + "workload:\n  arrival:\n    type: poisson\n    rate: 2/s\n"
                + "  mix:\n    " + mix + ": 1.0\n"
                + "early_exit:\n  rule: max_softmax\n  threshold: " + threshold + "\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.csv"), s);
            Files.writeString(dir.resolve("distribution.csv"), d);
            Files.writeString(dir.resolve("resolved.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void row(StringBuilder s, String metric, double mean, double half) {
        s.append(String.format(Locale.ROOT, "0,%s,2,%s,%s,%s,%s%n", metric, mean, half,
                mean - half, mean + half));
    }

    /** Copies the real quickstart run (from sim-core) out of the test resources. */
    static Path quickstart(Path parent) {
        Path src = Path.of("src/test/resources/fixtures/quickstart");
        Path dir = parent.resolve("quickstart-20261121-210539");
        try {
            Files.createDirectories(dir);
            try (var files = Files.list(src)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
