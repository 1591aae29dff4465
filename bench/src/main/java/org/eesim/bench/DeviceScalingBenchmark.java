package org.eesim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eesim.scenario.Arrival;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.eesim.scenario.TierSpec;
import org.eesim.scenario.Tiers;
import org.eesim.scenario.Workload;

/**
 * Cost per simulated request as the number of devices grows from 10 to 10,000 at the same total
 * arrival rate (so the same load on the edge, the links and the cloud, and the same events in
 * flight): what grows with the devices is only the per-device state a request touches (its
 * device's station, its arrival stream and next birth), and building it. Each size runs on
 * eesim and on the bare loop of the same algorithm, sizes rotated every round; the time of a
 * whole replication (building the model and its 10,000 stations included) over the requests
 * born in it; medians; the ratio of the cost at each size to the cost at 10 devices (target: at
 * most 1.3 at 10,000). Never asserts.
 *
 * <p>Usage: {@code mvn -q -B -DskipTests install && mvn -q -B -pl bench exec:java@scaling
 * [-Dexec.args="SCENARIO ROUNDS"]}, default {@code scenarios/bench-reference.yaml 9}.
 */
public final class DeviceScalingBenchmark {

    static final int[] DEVICES = {10, 100, 1_000, 10_000};

    private DeviceScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "scenarios/bench-reference.yaml");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Scenario base = ScenarioReader.read(file);
        double total = ((Arrival.Poisson) base.workload().arrival()).ratePerSecond() * base.tiers().device().count();
        System.out.printf("scenario %s at %.1f requests/s in all, %s; java %s, load average before: %.2f%n", file, total,
                base.run().length(), System.getProperty("java.version"), SpeedBenchmark.load());
        Map<String, SpeedBenchmark.Engine> engines = new LinkedHashMap<>(SpeedBenchmark.engines());
        engines.keySet().retainAll(List.of("eesim", "bare loop, same algorithm"));
        Map<String, Map<Integer, List<Double>>> nsPerRequest = new LinkedHashMap<>();
        Scenario[] sized = new Scenario[DEVICES.length];
        for (int i = 0; i < DEVICES.length; i++) {
            sized[i] = withDevices(base, DEVICES[i], total);
        }
        for (String e : engines.keySet()) {
            nsPerRequest.put(e, new LinkedHashMap<>());
            for (int d : DEVICES) {
                nsPerRequest.get(e).put(d, new ArrayList<>());
            }
        }
        for (Scenario s : sized) { // warm-up
            for (SpeedBenchmark.Engine e : engines.values()) {
                e.run(s, 0);
            }
        }
        long births = org.eesim.sim.ReplicationRunner.run(sized[0], 0).births();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < DEVICES.length; k++) {
                int i = (k + round) % DEVICES.length;
                for (Map.Entry<String, SpeedBenchmark.Engine> e : engines.entrySet()) {
                    long t0 = System.nanoTime();
                    e.getValue().run(sized[i], round);
                    nsPerRequest.get(e.getKey()).get(DEVICES[i]).add((System.nanoTime() - t0) / (double) births);
                }
            }
        }
        System.out.printf("%nmedian ns per request over %d rounds, and the ratio to 10 devices:%n", rounds);
        nsPerRequest.forEach((engine, byDevices) -> {
            double at10 = SpeedBenchmark.median(byDevices.get(DEVICES[0]));
            System.out.printf("  %s:", engine);
            byDevices.forEach((d, v) -> System.out.printf("  %,d devices %.0f ns (%.2fx)", d, SpeedBenchmark.median(v),
                    SpeedBenchmark.median(v) / at10));
            System.out.println();
        });
        System.out.printf("load average after: %.2f%n", SpeedBenchmark.load());
    }

    /** {@code base} with {@code devices} devices sharing {@code totalRate} requests per second. */
    static Scenario withDevices(Scenario base, int devices, double totalRate) {
        TierSpec d = base.tiers().device();
        Workload w = base.workload();
        return new Scenario(base.name(), base.sourceFile(), base.profile(),
                new Tiers(new TierSpec(devices, d.cores(), d.speed()), base.tiers().edge(), base.tiers().cloud()),
                base.links(), base.placement(), new Workload(new Arrival.Poisson(totalRate / devices), w.mix(),
                        w.deadlineSeconds()), base.exitRule(), base.serviceTime(), base.run(), base.output(), base.policy());
    }
}
