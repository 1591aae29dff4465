package org.eesim.testbed.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eesim.models.data.DataSource;
import org.eesim.models.data.ImageSet;
import org.eesim.models.profile.Conditions;

/**
 * N emulated end nodes in one process: each has its own Poisson arrivals and input draws (its
 * own seeded streams), its own HTTP client and so its own TCP connections, and sends real test
 * images of the run's conditions (the test set and distortions the profile was traced on). When
 * the placement puts layers on the device, a node runs them on its own thread (the nodes then
 * share this process's CPUs) and answers from a device branch when one is confident. Each
 * request's birth is its scheduled arrival instant; its latency ends when the answer is read.
 */
public final class DeviceFleet {

    private final Map<String, ImageSet> images = new LinkedHashMap<>();
    private final Map<String, byte[][]> encoded = new LinkedHashMap<>();
    private Codec.Encoding encoding;
    private long[] input;
    private NetworkSpec spec;
    private final List<Network> networks = new ArrayList<>();
    private final List<ExecutorService> nodeThreads = new ArrayList<>();
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "device-http");
        t.setDaemon(true);
        return t;
    });
    private final List<HttpClient> clients = new ArrayList<>();

    Map<String, Object> command(String cmd, Map<String, Object> m) throws Exception {
        Map<String, Object> reply = new LinkedHashMap<>();
        switch (cmd) {
            case "load" -> load(m, reply);
            case "run" -> reply.putAll(run(m));
            case "probe" -> reply.putAll(Probe.measure(Control.str(m, "host"), (int) Control.num(m, "port"),
                    Control.list(m, "sizes").stream().mapToLong(o -> ((Number) o).longValue()).toArray(),
                    (int) Control.num(m, "repetitions"), Control.num(m, "pause_s")));
            case "exit" -> {
            }
            default -> throw new IllegalArgumentException("unknown command " + cmd);
        }
        return reply;
    }

    private void load(Map<String, Object> m, Map<String, Object> reply) throws IOException {
        encoding = Codec.Encoding.of(Control.str(m, "encoding"));
        DataSource source = DataSource.named(Control.str(m, "data"), m.get("data_dir") == null ? null
                : Path.of(m.get("data_dir").toString()));
        ImageSet test = source.test();
        test = test.slice(0, Math.min((int) Control.num(m, "test_samples"), test.size()));
        List<Object> wanted = Control.list(m, "conditions");
        for (Conditions.Named c : Conditions.testConditions(test, (long) Control.num(m, "seed"))) {
            if (wanted.contains(c.name())) {
                images.put(c.name(), c.images());
            }
        }
        for (Object w : wanted) {
            if (!images.containsKey(w.toString())) {
                throw new IllegalArgumentException("no test condition " + w + " (conditions: pristine, blur-1..5, noise-1..5)");
            }
        }
        input = new long[] {1, test.rows(), test.cols()};
        for (var e : images.entrySet()) {
            byte[][] bodies = new byte[e.getValue().size()][];
            for (int i = 0; i < bodies.length; i++) {
                bodies[i] = Codec.encode(e.getValue().images()[i], encoding);
            }
            encoded.put(e.getKey(), bodies);
        }
        if (m.get("network") != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> net = (Map<String, Object>) m.get("network");
            spec = NetworkSpec.fromMap(net);
        }
        reply.put("images", test.size());
    }

    /** One client, and with device layers one thread and network copy, per node (made once, kept across runs). */
    private void nodes(int n, boolean layers) throws IOException {
        while (clients.size() < n) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).executor(callbacks).build());
        }
        while (layers && networks.size() < n) {
            if (spec == null) {
                throw new IllegalStateException("layers on the device need the network in 'load'");
            }
            networks.add(spec.load());
            int k = networks.size();
            nodeThreads.add(Executors.newSingleThreadExecutor(r -> new Thread(r, "node-" + k)));
        }
    }

    public static final String HEADER = "node,seq,condition,sample,label,birth_ns,dispatch_ns,sent_ns,end_ns,exit,tier,"
            + "predicted,correct,bytes_up,device_compute_ns,edge_recv_ns,edge_compute_start_ns,edge_compute_end_ns,"
            + "edge_sent_ns,cloud_recv_ns,cloud_compute_start_ns,cloud_compute_end_ns,cloud_sent_ns,error";

    /** One request's record, filled by whichever thread gets there. */
    private static final class Req {
        int node;
        int seq;
        String condition;
        int sample;
        int label;
        long birth;
        long dispatch;
        long sent;
        long end;
        long deviceCompute;
        int bytesUp;
        Codec.Answer answer;
        String error;
    }

    private Map<String, Object> run(Map<String, Object> m) throws Exception {
        int n = (int) Control.num(m, "nodes");
        double rate = Control.num(m, "rate");
        double span = Control.num(m, "warmup_s") + Control.num(m, "duration_s");
        long seed = (long) Control.num(m, "seed");
        int from = (int) Control.num(m, "from");
        URI url = URI.create(Control.str(m, "url"));
        Network.Rule rule = from > 0 ? TierServer.rule(m, spec.branchAfter().size()) : null;
        @SuppressWarnings("unchecked")
        Map<String, Object> mix = (Map<String, Object>) m.get("mix");
        String[] names = mix.keySet().toArray(String[]::new);
        double[] cumulative = new double[names.length];
        double total = 0;
        for (int i = 0; i < names.length; i++) {
            total += ((Number) mix.get(names[i])).doubleValue();
            cumulative[i] = total;
        }
        nodes(n, from > 0);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] arrivals = new SplittableRandom[n];
        SplittableRandom[] inputs = new SplittableRandom[n];
        for (int d = 0; d < n; d++) {
            arrivals[d] = root.split();
            inputs[d] = root.split();
        }
        ConcurrentLinkedQueue<Req> done = new ConcurrentLinkedQueue<>();
        AtomicInteger outstanding = new AtomicInteger();
        long t0 = System.nanoTime() + 200_000_000L;
        long end = t0 + Math.round(span * 1e9);
        PriorityQueue<long[]> next = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int d = 0; d < n; d++) {
            next.add(new long[] {t0 + exp(arrivals[d], rate), d, 0});
        }
        while (true) {
            long[] top = next.poll();
            if (top[0] >= end) {
                break;
            }
            long wait;
            while ((wait = top[0] - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int d = (int) top[1];
            Req r = new Req();
            r.node = d;
            r.seq = (int) top[2];
            r.birth = top[0] - t0;
            r.dispatch = System.nanoTime() - t0;
            double u = inputs[d].nextDouble() * total;
            int c = 0;
            while (c < names.length - 1 && u >= cumulative[c]) {
                c++;
            }
            r.condition = names[c];
            ImageSet set = images.get(r.condition);
            r.sample = inputs[d].nextInt(set.size());
            r.label = set.labels()[r.sample];
            outstanding.incrementAndGet();
            if (from == 0) {
                send(r, encoded.get(r.condition)[r.sample], new long[] {1, set.rows(), set.cols()}, 0, url, t0, done,
                        outstanding);
            } else {
                float[] x = set.images()[r.sample];
                nodeThreads.get(d).execute(() -> onDevice(r, x, from, rule, url, t0, done, outstanding));
            }
            next.add(new long[] {top[0] + exp(arrivals[d], rate), d, top[2] + 1});
        }
        long drainUntil = System.nanoTime() + Math.round(Control.num(m, "drain_s") * 1e9);
        while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        int failed = 0;
        for (Req r : done) {
            lines.add(line(r, t0));
            failed += r.error == null ? 0 : 1;
        }
        Files.write(Path.of(Control.str(m, "out")), lines);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("requests", done.size());
        reply.put("failed", failed);
        reply.put("unanswered", outstanding.get());
        return reply;
    }

    private void onDevice(Req r, float[] x, int from, Network.Rule rule, URI url, long t0, ConcurrentLinkedQueue<Req> done,
                          AtomicInteger outstanding) {
        try {
            long c0 = System.nanoTime();
            Network.Pass p = networks.get(r.node).run(x, input, 0, from, rule);
            r.deviceCompute = System.nanoTime() - c0;
            if (p.exit() >= 0 || from == networks.get(r.node).layers()) {
                r.answer = Codec.Answer.of(p.exit() >= 0 ? p.exit() : networks.get(r.node).branches(), p.predicted(),
                        p.confidence(), 0);
                r.end = System.nanoTime() - t0;
                done.add(r);
                outstanding.decrementAndGet();
                return;
            }
            send(r, Codec.encode(p.output(), encoding), p.outputShape(), from, url, t0, done, outstanding);
        } catch (RuntimeException e) {
            r.error = e.toString();
            r.end = System.nanoTime() - t0;
            done.add(r);
            outstanding.decrementAndGet();
        }
    }

    private void send(Req r, byte[] body, long[] shape, int from, URI url, long t0, ConcurrentLinkedQueue<Req> done,
                      AtomicInteger outstanding) {
        r.bytesUp = body.length;
        HttpRequest req = HttpRequest.newBuilder(url).header("Content-Type", encoding.contentType())
                .header("X-Request", r.node + "-" + r.seq).header("X-Layer", Integer.toString(from))
                .header("X-Shape", Codec.shapeHeader(shape)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        r.sent = System.nanoTime() - t0;
        clients.get(r.node).sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((resp, err) -> {
            r.end = System.nanoTime() - t0;
            if (err != null) {
                r.error = err.toString();
            } else if (resp.statusCode() != 200) {
                r.error = "status " + resp.statusCode() + ": " + new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8);
            } else {
                try {
                    r.answer = Codec.Answer.decode(resp.body(), encoding);
                } catch (RuntimeException e) {
                    r.error = e.toString();
                }
            }
            done.add(r);
            outstanding.decrementAndGet();
        });
    }

    private static long exp(SplittableRandom r, double rate) {
        return Math.round(-Math.log(1 - r.nextDouble()) / rate * 1e9);
    }

    private static String line(Req r, long t0) {
        Codec.Answer a = r.answer;
        StringBuilder b = new StringBuilder();
        b.append(r.node).append(',').append(r.seq).append(',').append(r.condition).append(',').append(r.sample).append(',')
                .append(r.label).append(',').append(r.birth).append(',').append(r.dispatch).append(',').append(r.sent)
                .append(',').append(r.end).append(',');
        if (a == null) {
            b.append("-1,-1,-1,0,");
        } else {
            b.append(a.exit()).append(',').append(a.tier()).append(',').append(a.predicted()).append(',')
                    .append(a.predicted() == r.label ? 1 : 0).append(',');
        }
        b.append(r.bytesUp).append(',').append(r.deviceCompute);
        for (int t = 1; t <= 2; t++) {
            for (int i = 0; i < Codec.Answer.PER_TIER; i++) {
                long v = a == null ? 0 : a.instant(t, i);
                b.append(',').append(v == 0 ? 0 : v - t0);
            }
        }
        b.append(',').append(r.error == null ? "" : '"' + r.error.replace('"', '\'').replace('\n', ' ') + '"');
        return b.toString();
    }

    public static void main(String[] args) {
        DeviceFleet fleet = new DeviceFleet();
        Control.serve(fleet::command);
    }

    void shutdown() {
        callbacks.shutdownNow();
        nodeThreads.forEach(ExecutorService::shutdownNow);
        try {
            callbacks.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
