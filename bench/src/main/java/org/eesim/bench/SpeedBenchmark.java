package org.eesim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.eesim.sim.BareLoop;
import org.eesim.sim.BaselineLoop;
import org.eesim.sim.ReplicationRunner;
import org.eesim.sim.StockDsol;

/**
 * Simulated requests per second of the model on four engines, all in one process, the order
 * rotated every round so that machine load hits each alike; medians over rounds and ratios to
 * the baseline; never asserts:
 * <ol>
 * <li>eesim: DSOL with eesim's event list, scheduling and life cycle, as the CLI runs it;</li>
 * <li>DSOL stock: the same model on DSOL's own DevsSimulator ({@link StockDsol});</li>
 * <li>the baseline, a bare loop of the same algorithm: the same model code, planner, route and
 * events per request on a PriorityQueue ({@link BareLoop});</li>
 * <li>the textbook loop ({@link BaselineLoop}): an arrival and a departure event per station
 * visit, for reference (a different algorithm, not a baseline for the engine).</li>
 * </ol>
 * All four see the same requests and must report the same mean latency.
 *
 * <p>Usage: {@code mvn -q -B -DskipTests install && mvn -q -B -pl bench exec:java
 * [-Dexec.args="SCENARIO ROUNDS"]}, default {@code scenarios/bench-reference.yaml 7}.
 */
public final class SpeedBenchmark {

    private SpeedBenchmark() {
    }

    /** One replication on an engine: its mean latency, and the events it executed (or -1 when unknown). */
    interface Engine {
        double[] run(Scenario s, int round);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "scenarios/bench-reference.yaml");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Scenario s = ScenarioReader.read(file);
        System.out.printf("scenario %s: profile %s (%d layers, %d exits), %d devices, %s%n", file,
                s.profile().name(), s.profile().layers().size(), s.profile().exitCount(), s.tiers().device().count(),
                s.run().length());
        System.out.printf("java %s, %d cores, load average before: %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), load());
        Map<String, Engine> engines = engines();
        Map<String, List<Double>> rate = new LinkedHashMap<>();
        engines.keySet().forEach(k -> rate.put(k, new ArrayList<>()));
        List<Double> vsBare = new ArrayList<>();
        long births = ReplicationRunner.run(s, 0).births();
        for (int i = 0; i < 2; i++) { // warm-up: let the JIT compile all four
            for (Engine e : engines.values()) {
                e.run(s, i);
            }
        }
        List<String> names = new ArrayList<>(engines.keySet());
        double worst = 0;
        for (int round = 0; round < rounds; round++) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            Map<String, double[]> got = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + round) % names.size()); // rotate the order
                long t0 = System.nanoTime();
                got.put(name, engines.get(name).run(s, round));
                seconds.put(name, (System.nanoTime() - t0) / 1e9);
            }
            double ref = got.get("bare loop, same algorithm")[0];
            for (Map.Entry<String, double[]> e : got.entrySet()) {
                worst = Math.max(worst, Math.abs(e.getValue()[0] - ref) / ref);
                rate.get(e.getKey()).add(births / seconds.get(e.getKey()));
            }
            vsBare.add(seconds.get("bare loop, same algorithm") / seconds.get("eesim"));
            System.out.printf("round %d:", round);
            seconds.forEach((k, v) -> System.out.printf(" %s %.0f req/s%s;", k, births / v,
                    got.get(k)[1] < 0 ? "" : String.format(" (%.2f events/request)", got.get(k)[1] / births)));
            System.out.println();
        }
        System.out.printf("%nmedian requests/s over %d rounds:%n", rounds);
        rate.forEach((k, v) -> System.out.printf("  %-28s %,.0f%n", k, median(v)));
        System.out.printf("eesim / bare loop of the same algorithm: %.2f (median of per-round ratios; target >= 0.9)%n",
                median(vsBare));
        System.out.printf("eesim / DSOL stock: %.2f%n", median(rate.get("eesim")) / median(rate.get("DSOL stock")));
        System.out.printf("eesim / textbook loop: %.2f%n", median(rate.get("eesim")) / median(rate.get("textbook loop")));
        System.out.printf("load average after: %.2f; largest relative difference in mean latency between engines:"
                + " %.1e (same requests, so ~0)%n", load(), worst);
    }

    static Map<String, Engine> engines() {
        Map<String, Engine> m = new LinkedHashMap<>();
        m.put("eesim", (s, r) -> new double[] {ReplicationRunner.run(s, r).metrics().get("latency.mean"), -1});
        m.put("DSOL stock", (s, r) -> new double[] {StockDsol.run(s, r, s.run().seed()).metrics().get("latency.mean"),
            -1});
        m.put("bare loop, same algorithm", (s, r) -> {
            BareLoop.Result b = BareLoop.run(s, r, s.run().seed());
            return new double[] {b.outcome().metrics().get("latency.mean"), b.events()};
        });
        m.put("textbook loop", (s, r) -> {
            BaselineLoop loop = new BaselineLoop(s, r);
            double mean = loop.run().get("latency.mean");
            return new double[] {mean, loop.events()};
        });
        return m;
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static double median(List<Double> v) {
        List<Double> c = new ArrayList<>(v);
        Collections.sort(c);
        int n = c.size();
        return n % 2 == 1 ? c.get(n / 2) : (c.get(n / 2 - 1) + c.get(n / 2)) / 2;
    }
}
