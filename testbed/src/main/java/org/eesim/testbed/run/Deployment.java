package org.eesim.testbed.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eesim.testbed.net.Cgroup;
import org.eesim.testbed.net.Fabric;

/**
 * A running deployment: the namespaces and shaped links ({@link Fabric}), a delay relay per link
 * in its sending tier's namespace, a JVM per tier pinned to its CPUs, and the commands that drive
 * them. {@link #close} undoes everything and may be called any number of times, from any thread
 * (the shutdown hook's, on Ctrl-C); a process that dies of SIGKILL leaves its children to end on
 * their closed stdin and its namespaces to {@link Fabric#cleanup}.
 */
public final class Deployment implements AutoCloseable {

    private final Layout layout;
    private final Path logs;
    private final PrintStream log;
    private Fabric fabric;
    private final Map<String, Child> children = new LinkedHashMap<>();
    private final List<Cgroup> groups = new ArrayList<>();
    private final Map<String, double[]> shaped = new LinkedHashMap<>();
    private boolean closed;
    private final Thread hook = new Thread(this::close, "testbed-teardown");

    private final List<String> conditions;

    private Deployment(Layout layout, List<String> conditions, Path logs, PrintStream log) {
        this.layout = layout;
        this.conditions = List.copyOf(conditions);
        this.logs = logs;
        this.log = log;
    }

    /**
     * Starts everything: links shaped to {@code links} (name to {rate bps, one-way delay s}), the
     * relays, and the servers, back to front, each after the one it calls is ready; the device
     * loads the test images of {@code conditions}.
     */
    public static Deployment start(Layout layout, Map<String, double[]> links, List<String> conditions, Path logs,
                                   PrintStream log) throws IOException {
        Files.createDirectories(logs);
        Deployment d = new Deployment(layout, conditions, logs, log);
        Runtime.getRuntime().addShutdownHook(d.hook);
        try {
            d.up(links);
            return d;
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private void up(Map<String, double[]> links) throws IOException {
        List<String> removed = Fabric.cleanup(false);
        if (!removed.isEmpty()) {
            log.println("removed what earlier runs left: " + String.join(", ", removed));
        }
        fabric = Fabric.create(layout.tiers(), layout.links());
        for (String l : layout.links()) {
            double[] rd = links.get(l);
            fabric.shape(l, rd[0], layout.burstBytes());
            shaped.put(l, rd.clone());
        }
        List<String> tiers = layout.tiers();
        for (int i = tiers.size() - 1; i >= 1; i--) {
            String tier = tiers.get(i);
            Child c = java(tier, "org.eesim.testbed.node.TierServer",
                    List.of(Integer.toString(Layout.HTTP_PORT), Integer.toString(Layout.PROBE_PORT)));
            c.call("load", layout.network().toMap(), 180);
            children.put(tier, c);
            startRelay(layout.links().get(i - 1), tiers.get(i - 1), fabric.hops().get(i - 1).toIp(),
                    links.get(layout.links().get(i - 1))[1]);
        }
        Child device = java("device", "org.eesim.testbed.node.DeviceFleet", List.of());
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("encoding", layout.encoding());
        load.put("data", layout.data());
        load.put("test_samples", layout.testSamples());
        load.put("seed", layout.dataSeed());
        load.put("conditions", conditions);
        load.put("network", layout.network().toMap());
        device.call("load", load, 180);
        children.put("device", device);
    }

    private void startRelay(String link, String fromTier, String toIp, double delay) throws IOException {
        String ns = fabric.namespaceOf(fromTier);
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "taskset", "-c", layout.cpusOf("relays"),
                java(), "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.eesim.testbed.net.Relay", String.format(Locale.ROOT, "%.9f", delay),
                "127.0.0.1:" + Layout.RELAY_HTTP, toIp + ":" + Layout.HTTP_PORT,
                "127.0.0.1:" + Layout.RELAY_PROBE, toIp + ":" + Layout.PROBE_PORT));
        Child c = Child.start("relay-" + link, cmd, Map.of(), logs.resolve("relay-" + link + ".log"));
        children.put("relay-" + link, c);
        c.awaitLine("ready", 30);
    }

    private Child java(String tier, String main, List<String> args) throws IOException {
        String ns = fabric.namespaceOf(tier);
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "taskset", "-c", layout.cpusOf(tier),
                java(), "-Xms" + layout.heap(), "-Xmx" + layout.heap(), "-XX:+UseSerialGC",
                "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1", "-Dai.djl.offline=true",
                "-Dsun.net.httpserver.nodelay=true", "-Dsun.net.httpserver.idleInterval=36000",
                "-Dsun.net.httpserver.maxIdleConnections=1000", "-Djdk.httpclient.keepalive.timeout=36000",
                "-Djdk.httpclient.connectionPoolSize=0", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(args);
        Map<String, String> env = Map.of("DNNL_MAX_CPU_ISA", "AVX2", "ONEDNN_MAX_CPU_ISA", "AVX2");
        Child c = Child.start(tier, cmd, env, logs.resolve(tier + ".log"));
        double share = layout.shares().getOrDefault(tier, 1.0);
        if (share < 1) {
            Cgroup g = Cgroup.limit(tier, share);
            g.add(c.pid());
            groups.add(g);
            log.println(tier + ": CPU limited to " + share + " of a core in " + g.describe());
        }
        return c;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This process and every deployment process, for {@link CpuWatch}. */
    List<Long> pids() {
        List<Long> p = new ArrayList<>();
        p.add(ProcessHandle.current().pid());
        for (Child c : children.values()) {
            p.add(c.pid());
        }
        return p;
    }

    public Fabric fabric() {
        return fabric;
    }

    public Layout layout() {
        return layout;
    }

    Child child(String name) {
        Child c = children.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no process " + name);
        }
        if (!c.alive()) {
            throw new IllegalStateException(name + " has ended; see " + logs.resolve(name + ".log"));
        }
        return c;
    }

    /** Re-shapes link {@code name} to {@code bps} if it is not already at that rate. */
    public void reshape(String name, double bps) {
        double[] now = shaped.get(name);
        if (now[0] != bps) {
            fabric.shape(name, bps, layout.burstBytes());
            now[0] = bps;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
        List<Child> all = new ArrayList<>(children.values());
        java.util.Collections.reverse(all);
        for (Child c : all) {
            c.close();
        }
        if (fabric != null) {
            fabric.destroy();
        }
        groups.forEach(Cgroup::remove);
        Fabric.cleanup(false);
    }
}
