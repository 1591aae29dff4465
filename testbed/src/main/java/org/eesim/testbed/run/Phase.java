package org.eesim.testbed.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One calibration phase: the deployment run at a light load under a chosen exit rule, with every
 * request's instants (device, edge, cloud) and each tier's per-layer times joined by request id,
 * and the bytes each direction of each link carried meanwhile (the interfaces' counters).
 */
final class Phase {

    /** A request of the phase: the device's row and, when they served it, the edge's and the cloud's log rows. */
    record Request(Measured.Row device, String[] edge, String[] cloud) {
    }

    final List<Request> requests = new ArrayList<>();
    /** All requests the device sent in the phase (warm-up included): what the counters saw. */
    int sent;
    /** Bytes per link and direction ("uplink.forward", ...) over the phase; "foreign_millicores": what other processes took. */
    final Map<String, Long> bytes = new LinkedHashMap<>();
    /** Column index by name in the edge's and the cloud's logs. */
    Map<String, Integer> edgeColumns = Map.of();
    Map<String, Integer> cloudColumns = Map.of();

    static Phase run(Deployment d, Setup st, Map<String, Object> rule, double ratePerSecond, double warmup,
                     double seconds, long seed, Path dir, String name, double drain) throws IOException {
        Setup s = st.withRun(ratePerSecond, rule, warmup, seconds);
        TestbedRunner.configure(d, s);
        Map<String, Long> before = counters(d);
        CpuWatch watch = new CpuWatch(d.pids());
        Path rows = dir.resolve(name + ".csv");
        Map<String, Object> run = s.deviceRun(seed, rows, drain);
        d.child("device").call("run", run, warmup + seconds + drain + 60);
        Map<String, Long> after = counters(d);
        StringBuilder counted = new StringBuilder();
        after.forEach((k, v) -> counted.append(k).append(',').append(v - before.get(k)).append('\n'));
        counted.append("foreign_millicores,").append(Math.round(watch.foreignCores() * 1000)).append('\n');
        Files.writeString(dir.resolve(name + "-counters.csv"), counted);
        if (s.edge()) {
            d.child("edge").call("collect", Map.of("out", dir.resolve(name + "-edge.csv").toString()), 60);
        }
        if (s.cloud()) {
            d.child("cloud").call("collect", Map.of("out", dir.resolve(name + "-cloud.csv").toString()), 60);
        }
        return load(dir, name, warmup, seconds);
    }

    /** A phase as {@link #run} left it in {@code dir} (its rows, the tiers' logs, the counters): measured once, analysed any number of times. */
    static Phase load(Path dir, String name, double warmup, double seconds) throws IOException {
        Phase p = new Phase();
        for (String line : Files.readAllLines(dir.resolve(name + "-counters.csv"))) {
            String[] c = line.split(",");
            p.bytes.put(c[0], Long.parseLong(c[1]));
        }
        Map<String, String[]> edge = new HashMap<>();
        Map<String, String[]> cloud = new HashMap<>();
        if (Files.exists(dir.resolve(name + "-edge.csv"))) {
            p.edgeColumns = read(dir.resolve(name + "-edge.csv"), edge);
        }
        if (Files.exists(dir.resolve(name + "-cloud.csv"))) {
            p.cloudColumns = read(dir.resolve(name + "-cloud.csv"), cloud);
        }
        List<Measured.Row> all = Measured.read(dir.resolve(name + ".csv"));
        p.sent = all.size();
        for (Measured.Row r : Measured.window(all, warmup, warmup + seconds)) {
            if (r.error() != null) {
                throw new IOException("calibration phase " + name + ": request " + r.id() + " failed: " + r.error());
            }
            p.requests.add(new Request(r, edge.get(r.id()), cloud.get(r.id())));
        }
        return p;
    }

    private static Map<String, Long> counters(Deployment d) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String l : d.layout().links()) {
            m.put(l + ".forward", d.fabric().txBytes(l, true));
            m.put(l + ".back", d.fabric().txBytes(l, false));
        }
        return m;
    }

    private static Map<String, Integer> read(Path log, Map<String, String[]> into) throws IOException {
        List<String> lines = Files.readAllLines(log);
        String[] header = lines.get(0).split(",");
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            cols.put(header[i], i);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            into.put(c[0], c);
        }
        return cols;
    }

    static long num(String[] row, Map<String, Integer> cols, String name) {
        return Long.parseLong(row[cols.get(name)]);
    }
}
