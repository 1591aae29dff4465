package org.eesim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.eesim.sim.BaselineLoop;
import org.eesim.sim.ReplicationRunner;

/**
 * Simulated requests per second of the DSOL model against a bare PriorityQueue event loop of the
 * same model (same planner, same streams, so the same requests), interleaved in one process so
 * that machine load hits both alike. Reports medians over rounds and their ratio; never asserts.
 *
 * <p>Usage: {@code mvn -q -B -DskipTests install && mvn -q -B -pl bench exec:java
 * [-Dexec.args="SCENARIO ROUNDS"]}, default {@code scenarios/bench-reference.yaml 7}.
 */
public final class SpeedBenchmark {

    private SpeedBenchmark() {
    }

    private interface Body {
        double run(int round);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "scenarios/bench-reference.yaml");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Scenario s = ScenarioReader.read(file);
        long requests = s.run().length() instanceof org.eesim.scenario.RunControl.Span.Requests r ? r.count() : 0;
        long warm = s.run().warmup() instanceof org.eesim.scenario.RunControl.Span.Requests w ? w.count() : 0;
        System.out.printf("scenario %s: profile %s (%d layers, %d exits), %d devices, %d measured + %d warm-up requests%n",
                file, s.profile().name(), s.profile().layers().size(), s.profile().exitCount(),
                s.tiers().device().count(), requests, warm);
        System.out.printf("java %s, %d cores, load average before: %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), load());

        long[] births = new long[1];
        Body tuned = round -> {
            ReplicationRunner.Outcome o = ReplicationRunner.run(s, round, true);
            births[0] = o.births();
            return o.metrics().get("latency.mean");
        };
        Body stock = round -> ReplicationRunner.run(s, round, false).metrics().get("latency.mean");
        long[] bareEvents = new long[1];
        Body bare = round -> {
            BaselineLoop loop = new BaselineLoop(s, round);
            Map<String, Double> m = loop.run();
            bareEvents[0] = loop.events();
            return m.get("latency.mean");
        };

        // warm-up: let the JIT compile all three
        for (int i = 0; i < 2; i++) {
            tuned.run(i);
            stock.run(i);
            bare.run(i);
        }
        List<Double> tunedRate = new ArrayList<>();
        List<Double> stockRate = new ArrayList<>();
        List<Double> bareRate = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        double worstDisagreement = 0;
        for (int round = 0; round < rounds; round++) {
            double[] t = new double[3];
            long t0 = System.nanoTime();
            double a = tuned.run(round);
            t[0] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            double b = stock.run(round);
            t[1] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            double c = bare.run(round);
            t[2] = (System.nanoTime() - t0) / 1e9;
            worstDisagreement = Math.max(worstDisagreement, Math.max(Math.abs(a - c), Math.abs(b - c)) / c);
            double simulated = births[0];
            tunedRate.add(simulated / t[0]);
            stockRate.add(simulated / t[1]);
            bareRate.add(simulated / t[2]);
            ratio.add(t[2] / t[0]);
            System.out.printf("round %d: DSOL tuned %.0f req/s, DSOL stock %.0f req/s, bare loop %.0f req/s (%d events)%n",
                    round, simulated / t[0], simulated / t[1], simulated / t[2], bareEvents[0]);
        }
        System.out.printf("%nmedian requests/s: DSOL tuned %.0f, DSOL stock %.0f, bare PriorityQueue loop %.0f%n",
                median(tunedRate), median(stockRate), median(bareRate));
        System.out.printf("ratio DSOL tuned / bare loop: %.2f (median of per-round ratios; >= 1 means DSOL is as fast)%n",
                median(ratio));
        System.out.printf("ratio DSOL tuned / DSOL stock: %.2f%n", median(tunedRate) / median(stockRate));
        System.out.printf("load average after: %.2f; largest relative difference in mean latency between the"
                + " models: %.1e (same requests, so ~0)%n", load(), worstDisagreement);
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(List<Double> v) {
        List<Double> c = new ArrayList<>(v);
        Collections.sort(c);
        int n = c.size();
        return n % 2 == 1 ? c.get(n / 2) : (c.get(n / 2 - 1) + c.get(n / 2)) / 2;
    }
}
