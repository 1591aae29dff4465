package org.eesim.testbed.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eesim.scenario.ExitRule;

/**
 * An edge or cloud server: the JDK's HTTP server, whose handler threads read a request's tensor,
 * hand it to the tier's one compute thread (a machine of one core, FIFO, as the simulator's
 * station), and answer, or, when no exit of this tier passed, send the layer's output on to the
 * next tier with the JDK's HTTP client and relay that tier's answer back. Seed 000's edge and
 * cloud web APIs, in Java. Each request's instants and per-layer times are kept for the
 * orchestrator ({@code collect}).
 */
public final class TierServer {

    /** How this tier serves: its layers {@code from+1..to}, rule, encoding, and the next tier's address (or null). */
    record Config(int tier, int from, int to, Network.Rule rule, Codec.Encoding encoding, URI next) {
    }

    private final Network network;
    private final long[] input;
    private final HttpServer server;
    private final ExecutorService compute = Executors.newSingleThreadExecutor(r -> new Thread(r, "compute"));
    private final HttpClient client;
    private volatile Config config;
    private final ConcurrentLinkedQueue<String> rows = new ConcurrentLinkedQueue<>();

    TierServer(Network network, long[] input, int port) throws IOException {
        this.network = network;
        this.input = input.clone();
        this.server = HttpServer.create(new InetSocketAddress(port), 1024);
        this.server.setExecutor(Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        }));
        this.server.createContext("/infer", this::handle);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "http-client");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    void start() {
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        long recv = System.nanoTime();
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            long read = System.nanoTime();
            Config c = config;
            String id = ex.getRequestHeaders().getFirst("X-Request");
            int layer = Integer.parseInt(ex.getRequestHeaders().getFirst("X-Layer"));
            if (c == null || layer != c.from()) {
                throw new IllegalStateException("request " + id + " arrives after layer " + layer + ", this tier"
                        + " starts after layer " + (c == null ? "?" : c.from()));
            }
            long[] shape = Codec.parseShape(ex.getRequestHeaders().getFirst("X-Shape"));
            float[] x = Codec.decode(body, Codec.elements(shape), c.encoding());
            long decoded = System.nanoTime();
            long[] when = new long[2];
            Future<Network.Pass> f = compute.submit(() -> {
                when[0] = System.nanoTime();
                Network.Pass p = network.run(x, shape, c.from(), c.to(), c.rule());
                when[1] = System.nanoTime();
                return p;
            });
            Network.Pass p = f.get();
            Codec.Answer a;
            long fwd0 = 0;
            long fwd1 = 0;
            int sent = 0;
            if (p.exit() >= 0) {
                a = Codec.Answer.of(p.exit(), p.predicted(), p.confidence(), c.tier());
            } else {
                byte[] out = Codec.encode(p.output(), c.encoding());
                sent = out.length;
                fwd0 = System.nanoTime();
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(c.next())
                        .header("Content-Type", c.encoding().contentType()).header("X-Request", id)
                        .header("X-Layer", Integer.toString(c.to()))
                        .header("X-Shape", Codec.shapeHeader(p.outputShape()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(out)).build(), HttpResponse.BodyHandlers.ofByteArray());
                fwd1 = System.nanoTime();
                if (r.statusCode() != 200) {
                    throw new IOException("next tier answered " + r.statusCode() + ": "
                            + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
                a = Codec.Answer.decode(r.body(), c.encoding());
            }
            a.set(c.tier(), 0, recv);
            a.set(c.tier(), 1, when[0]);
            a.set(c.tier(), 2, when[1]);
            long reply = System.nanoTime();
            a.set(c.tier(), 3, reply);
            byte[] answer = a.encode(c.encoding());
            ex.getResponseHeaders().set("Content-Type", c.encoding().contentType());
            ex.sendResponseHeaders(200, answer.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(answer);
            }
            long done = System.nanoTime();
            rows.add(row(id, c, recv, read, decoded, when, fwd0, fwd1, reply, done, p, body.length, sent)
                    + "," + requestHeaderBytes(ex) + "," + (responseHeaderBytes(ex) + answer.length));
        } catch (Exception e) {
            e.printStackTrace();
            byte[] msg = String.valueOf(e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, msg.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(msg);
            }
        } finally {
            ex.close();
        }
    }

    static final String HEADER = "request,recv,read,decoded,compute_start,compute_end,forward_start,forward_end,reply,"
            + "done,exit,bytes_in,bytes_out";

    /**
     * Bytes of the request line and headers as they came (the JDK's server normalises the names'
     * case, not their length): what HTTP adds to the tensor on the wire.
     */
    static int requestHeaderBytes(HttpExchange ex) {
        int n = ex.getRequestMethod().length() + 1 + ex.getRequestURI().toString().length() + 1
                + ex.getProtocol().length() + 2;
        for (var e : ex.getRequestHeaders().entrySet()) {
            for (String v : e.getValue()) {
                n += e.getKey().length() + 2 + v.length() + 2;
            }
        }
        return n + 2;
    }

    /** Bytes of the status line and headers the server sent (after sendResponseHeaders: Date and length included). */
    static int responseHeaderBytes(HttpExchange ex) {
        int n = "HTTP/1.1 200 OK\r\n".length();
        for (var e : ex.getResponseHeaders().entrySet()) {
            for (String v : e.getValue()) {
                n += e.getKey().length() + 2 + v.length() + 2;
            }
        }
        return n + 2;
    }

    private String row(String id, Config c, long recv, long read, long decoded, long[] when, long fwd0, long fwd1,
                       long reply, long done, Network.Pass p, int in, int out) {
        StringBuilder b = new StringBuilder(id).append(',').append(recv).append(',').append(read).append(',')
                .append(decoded).append(',').append(when[0]).append(',').append(when[1]).append(',').append(fwd0)
                .append(',').append(fwd1).append(',').append(reply).append(',').append(done).append(',')
                .append(p.exit()).append(',').append(in).append(',').append(out);
        for (int k = c.from(); k < c.to(); k++) {
            b.append(',').append(p.layerNanos()[k]);
        }
        for (long v : p.branchNanos()) {
            b.append(',').append(v);
        }
        return b.toString();
    }

    private String header(Config c) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int k = c.from(); k < c.to(); k++) {
            b.append(",layer").append(k + 1).append("_ns");
        }
        for (int i = 0; i < network.branches(); i++) {
            b.append(",branch").append(i + 1).append("_ns");
        }
        return b.append(",header_in,answer_out").toString();
    }

    Map<String, Object> command(String cmd, Map<String, Object> m) throws IOException, InterruptedException {
        Map<String, Object> reply = new LinkedHashMap<>();
        switch (cmd) {
            case "configure" -> {
                String next = (String) m.get("next");
                config = new Config((int) Control.num(m, "tier"), (int) Control.num(m, "from"),
                        (int) Control.num(m, "to"), rule(m, network.branches()), Codec.Encoding.of(Control.str(m, "encoding")),
                        next == null ? null : URI.create(next));
                if (config.to() < network.layers() && config.next() == null) {
                    throw new IllegalArgumentException("layers after " + config.to() + " need a next tier");
                }
            }
            case "collect" -> {
                Path out = Path.of(Control.str(m, "out"));
                List<String> lines = new ArrayList<>();
                lines.add(header(config));
                String r;
                while ((r = rows.poll()) != null) {
                    lines.add(r);
                }
                Files.write(out, lines);
                reply.put("rows", lines.size() - 1);
            }
            case "probe" -> reply.putAll(Probe.measure(Control.str(m, "host"), (int) Control.num(m, "port"),
                    Control.list(m, "sizes").stream().mapToLong(o -> ((Number) o).longValue()).toArray(),
                    (int) Control.num(m, "repetitions"), Control.num(m, "pause_s")));
            case "exit" -> server.stop(0);
            default -> throw new IllegalArgumentException("unknown command " + cmd);
        }
        return reply;
    }

    /** The exit rule of a {@code configure} command: kind, per-branch thresholds and enabled flags. */
    static Network.Rule rule(Map<String, Object> m, int branches) {
        double[] t = Control.doubles(m, "thresholds");
        boolean[] on = Control.booleans(m, "enabled");
        if (t.length != branches || on.length != branches) {
            throw new IllegalArgumentException("the rule needs one threshold and flag per branch (" + branches + ")");
        }
        return new Network.Rule(ExitRule.Kind.valueOf(Control.str(m, "rule")), t, on);
    }

    /** {@code tier-server PORT PROBE_PORT} with the network spec as its first command. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int probePort = Integer.parseInt(args[1]);
        TierServer[] self = new TierServer[1];
        Control.serve((cmd, m) -> {
            if (cmd.equals("load")) {
                NetworkSpec spec = NetworkSpec.fromMap(m);
                self[0] = new TierServer(spec.load(), spec.input(), port);
                self[0].start();
                Probe.serve(probePort);
                return Map.of("layers", self[0].network.layers(), "branches", self[0].network.branches());
            }
            if (self[0] == null) {
                throw new IllegalStateException("load the network first");
            }
            return self[0].command(cmd, m);
        });
    }

    long[] input() {
        return input.clone();
    }
}
