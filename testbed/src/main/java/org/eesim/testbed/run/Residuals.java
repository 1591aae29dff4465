package org.eesim.testbed.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eesim.profile.Profile;
import org.eesim.scenario.Framing;
import org.eesim.units.Units;

/**
 * Turns one uplink rate's probes and phases into the simulator's settings. Every segment of a
 * request's path is timed from the processes' instants (one clock for all of them); the link
 * model's share of a segment (delay, plus the token bucket's serialisation of its bytes on the
 * wire) and the layers' logged times are subtracted, and the mean of what remains is that
 * segment's per-message cost, charged to the tier that does the work:
 * <ul>
 * <li>device: its scheduler's lag, its HTTP client sending the request and reading the answer,
 * and the edge server's reading of the request (the uplink segment's and the downlink segment's
 * residuals);
 * <li>edge: decoding the tensor, handing it to the compute thread, encoding the answer;
 * <li>cloud: the WAN segments' residuals, its own handling, and what forwarding costs the edge
 * beyond answering (encoding the tensor, its HTTP client).
 * </ul>
 * Only requests sent well after the one before (the bucket full again, as the model assumes for
 * an idle link) enter the link segments' means.
 *
 * <p>Bytes on the wire: the servers count each request's HTTP request line and headers and each
 * answer's status line, headers and body. A capture (tcpdump on the uplink) showed how the JDK
 * sends them: the client's headers (193 B) in a packet of their own, then the tensor in full
 * packets; the server's answer headers (116 B) and body (80 B) in one packet each. So a message's
 * framing header is its HTTP header plus one packet's overhead, and the answer's bytes its header,
 * body and one packet's overhead. TCP's acknowledgements (about 3 x 66 B back per request, 2 x 66 B
 * forward) go at other times and are left out of the messages; the interfaces' counters, which
 * include them, are kept as evidence.
 */
final class Residuals {

    private Residuals() {
    }

    static Map<String, Object> setting(double nominal, Map<String, double[]> probed, Phase a, Phase b, Setup st,
                                       Profile profile, int burst, String encoding) {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> evidence = new LinkedHashMap<>();
        s.put("uplink_nominal", Units.format(nominal, Units.Kind.BITRATE));
        double dUp = probed.get("uplink")[0];
        double rUp = probed.get("uplink")[1];
        // HTTP's bytes, as the servers counted them: the client writes a request's headers in a
        // packet of their own, the server its answer's headers and body in one each
        double payload = a.requests.stream().mapToInt(r -> r.device().bytesUp()).average().orElse(0);
        long message = Math.round(mean(a.requests, r -> Phase.num(r.edge(), a.edgeColumns, "header_in"))) + Calibrator.PACKET;
        long answer = Math.round(mean(a.requests, r -> Phase.num(r.edge(), a.edgeColumns, "answer_out"))) + Calibrator.PACKET;
        Framing upFraming = new Framing(message, Calibrator.PACKET, Calibrator.MSS);
        double wReq = upFraming.wireBytes(payload, true);
        double wAns = upFraming.wireBytes(answer, false);
        s.put("uplink", link(rUp, dUp, burst, message));
        s.put("answer", ordered("bytes", Units.format(answer, Units.Kind.SIZE)));
        evidence.put("uplink_bytes_per_request", bytesPerRequest(wReq, wAns, a, "uplink", payload));
        evidence.put("uplink_probe", probe(probed.get("uplink")));
        double sUp = Math.max(0, wReq - burst) * 8 / rUp;
        double sDown = Math.max(0, wAns - burst) * 8 / rUp;
        double gapUp = Math.max(0.02, 2 * wReq * 8 / rUp + burst * 8.0 / rUp);
        Segments up = new Segments();
        Segments down = new Segments();
        Segments lag = new Segments();
        Segments edge = new Segments();
        Segments deviceTotal = new Segments();
        for (Phase.Request r : isolated(a.requests, gapUp)) {
            String[] e = r.edge();
            long offset = Phase.num(e, a.edgeColumns, "recv") - r.device().at(1, 0);
            long read = Phase.num(e, a.edgeColumns, "read") - offset;
            double u = (read - r.device().sent()) / 1e9 - dUp - sUp;
            double dn = (r.device().end() - r.device().at(1, 3)) / 1e9 - dUp - sDown;
            double l = (r.device().sent() - r.device().birth()) / 1e9;
            up.add(u);
            down.add(dn);
            lag.add(l);
            deviceTotal.add(u + dn + l);
            edge.add((Phase.num(e, a.edgeColumns, "reply") - Phase.num(e, a.edgeColumns, "read")) / 1e9
                    - layers(e, a.edgeColumns) / 1e9);
        }
        Map<String, Object> per = new LinkedHashMap<>();
        per.put("device", cost(deviceTotal));
        per.put("edge", cost(edge));
        evidence.put("phase_A", ordered("requests", a.requests.size(), "isolated", up.n(),
                "other_processes_cores", a.bytes.getOrDefault("foreign_millicores", -1000L) / 1000.0,
                "device_lag_ms", lag.ms(), "uplink_residual_ms", up.ms(), "downlink_residual_ms", down.ms(),
                "edge_handling_ms", edge.ms()));
        if (st.edge() && st.cloud()) {
            double dW = probed.get("wan")[0];
            double rW = probed.get("wan")[1];
            double tensor = mean(b.requests, r -> Phase.num(r.edge(), b.edgeColumns, "bytes_out"));
            long wanMessage = Math.round(mean(b.requests, r -> Phase.num(r.cloud(), b.cloudColumns, "header_in")))
                    + Calibrator.PACKET;
            long wanAnswer = Math.round(mean(b.requests, r -> Phase.num(r.cloud(), b.cloudColumns, "answer_out")))
                    + Calibrator.PACKET;
            Framing wanFraming = new Framing(wanMessage, Calibrator.PACKET, Calibrator.MSS);
            double wT = wanFraming.wireBytes(tensor, true);
            double wTa = wanFraming.wireBytes(wanAnswer, false);
            s.put("wan", link(rW, dW, burst, wanMessage));
            evidence.put("wan_bytes_per_request", bytesPerRequest(wT, wTa, b, "wan", tensor));
            evidence.put("wan_probe", probe(probed.get("wan")));
            double sW = Math.max(0, wT - burst) * 8 / rW;
            double sWa = Math.max(0, wTa - burst) * 8 / rW;
            Segments wu = new Segments();
            Segments wd = new Segments();
            Segments cloud = new Segments();
            Segments fwd = new Segments();
            Segments cloudTotal = new Segments();
            for (Phase.Request r : isolated(b.requests, Math.max(gapUp, 2 * wT * 8 / rW + burst * 8.0 / rW))) {
                String[] e = r.edge();
                String[] c = r.cloud();
                long f0 = Phase.num(e, b.edgeColumns, "forward_start");
                long f1 = Phase.num(e, b.edgeColumns, "forward_end");
                double x1 = (Phase.num(c, b.cloudColumns, "read") - f0) / 1e9 - dW - sW;
                double x2 = (Phase.num(c, b.cloudColumns, "reply") - Phase.num(c, b.cloudColumns, "read")) / 1e9
                        - layers(c, b.cloudColumns) / 1e9;
                double x3 = (f1 - Phase.num(c, b.cloudColumns, "reply")) / 1e9 - dW - sWa;
                double x4 = (Phase.num(e, b.edgeColumns, "reply") - Phase.num(e, b.edgeColumns, "read") - (f1 - f0)) / 1e9
                        - layers(e, b.edgeColumns) / 1e9;
                wu.add(x1);
                cloud.add(x2);
                wd.add(x3);
                fwd.add(x4);
                // what forwarding costs beyond answering at the edge, which the edge's own cost covers
                cloudTotal.add(x1 + x2 + x3 + x4 - edge.mean());
            }
            per.put("cloud", cost(cloudTotal));
            evidence.put("phase_B", ordered("requests", b.requests.size(), "isolated", wu.n(),
                    "other_processes_cores", b.bytes.getOrDefault("foreign_millicores", -1000L) / 1000.0,
                    "wan_residual_ms", wu.ms(), "wan_back_residual_ms", wd.ms(), "cloud_handling_ms", cloud.ms(),
                    "edge_handling_when_forwarding_ms", fwd.ms()));
        }
        s.put("per_message", per);
        s.put("evidence", evidence);
        return s;
    }

    /** A link's bytes per request: as modelled on the wire, as its interfaces counted them over phase {@code p}. */
    private static Map<String, Object> bytesPerRequest(double request, double answer, Phase p, String link,
                                                       double payload) {
        // the interfaces' counters: the messages and TCP's acknowledgements (sent at other times)
        return ordered("request_on_the_wire", round(request, 1), "answer_on_the_wire", round(answer, 1),
                "counted_forward", round(p.bytes.get(link + ".forward") / (double) p.sent, 1),
                "counted_back", round(p.bytes.get(link + ".back") / (double) p.sent, 1), "payload", payload);
    }

    /** A link's probe, {delay s, rate bps, round trip s}, in the evidence's units. */
    private static Map<String, Object> probe(double[] probe) {
        return ordered("delay_ms", round(probe[0] * 1e3, 4), "rate_bps", Math.round(probe[1]),
                "round_trip_ms", round(probe[2] * 1e3, 4));
    }

    private static Map<String, Object> link(double rate, double delay, int burst, long message) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("bandwidth", Units.format(Math.round(rate), Units.Kind.BITRATE));
        l.put("delay", Units.format(Math.round(delay * 1e6) / 1e6, Units.Kind.TIME));
        l.put("burst", Units.format(burst, Units.Kind.SIZE));
        l.put("framing", ordered("message", Units.format(message, Units.Kind.SIZE),
                "packet", Units.format(Calibrator.PACKET, Units.Kind.SIZE), "mss", Units.format(Calibrator.MSS, Units.Kind.SIZE)));
        return l;
    }

    /** The requests sent at least {@code gap} seconds after the previous one (in send order). */
    static List<Phase.Request> isolated(List<Phase.Request> all, double gap) {
        List<Phase.Request> sorted = new ArrayList<>(all);
        sorted.sort((x, y) -> Long.compare(x.device().sent(), y.device().sent()));
        List<Phase.Request> out = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            if ((sorted.get(i).device().sent() - sorted.get(i - 1).device().sent()) / 1e9 >= gap) {
                out.add(sorted.get(i));
            }
        }
        return out;
    }

    /** Nanoseconds of every layer and branch a tier's log row records. */
    static long layers(String[] row, Map<String, Integer> cols) {
        long s = 0;
        for (var e : cols.entrySet()) {
            if (e.getKey().startsWith("layer") || e.getKey().startsWith("branch")) {
                s += Long.parseLong(row[e.getValue()]);
            }
        }
        return s;
    }

    private static double mean(List<Phase.Request> rs, java.util.function.ToLongFunction<Phase.Request> f) {
        return rs.stream().mapToLong(f).average().orElse(0);
    }

    /**
     * A tier's per-message cost for the scenario: log-normal with the residuals' mean and sd
     * ({@code {mean, sd}}), or a constant when the mean is too small for a log-normal of that sd.
     */
    private static Object cost(Segments s) {
        double m = s.mean();
        double sd = s.sd();
        if (m <= 1e-6) {
            return time(Math.max(0, m));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mean", time(m));
        c.put("sd", time(sd));
        return c;
    }

    private static String time(double seconds) {
        return Units.format(Math.max(0, Math.round(seconds * 1e6) / 1e6), Units.Kind.TIME);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Mean, sd and count of one segment's residuals. */
    private static final class Segments {
        private final List<Double> v = new ArrayList<>();

        void add(double x) {
            v.add(x);
        }

        int n() {
            return v.size();
        }

        double mean() {
            return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double sd() {
            double m = mean();
            return Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / Math.max(1, v.size() - 1));
        }

        Map<String, Object> ms() {
            double m = mean();
            double sd = Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / Math.max(1, v.size() - 1));
            double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mean", round(m * 1e3, 4));
            o.put("sd", round(sd * 1e3, 4));
            o.put("median", s.length == 0 ? 0 : round(s[s.length / 2] * 1e3, 4));
            o.put("n", s.length);
            return o;
        }
    }

    /** A mapping in the order written ({@code Map.of} iterates in an order that changes between runs). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
