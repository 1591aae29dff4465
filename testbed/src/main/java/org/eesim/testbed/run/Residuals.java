package org.eesim.testbed.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eesim.profile.Profile;
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
        // bytes on the wire per request, each way (the interfaces' counters over the phase)
        double wReq = a.bytes.get("uplink.forward") / (double) a.sent;
        double wAns = a.bytes.get("uplink.back") / (double) a.sent;
        double payload = a.requests.stream().mapToInt(r -> r.device().bytesUp()).average().orElse(0);
        long message = header(wReq, payload);
        long answer = answerBytes(wAns);
        s.put("uplink", link(rUp, dUp, burst, message));
        s.put("answer", Map.of("bytes", Units.format(answer, Units.Kind.SIZE)));
        evidence.put("uplink_wire_bytes_per_request", Map.of("forward", round(wReq, 1), "back", round(wAns, 1),
                "payload", payload));
        evidence.put("uplink_probe", Map.of("delay_ms", round(dUp * 1e3, 4), "rate_bps", Math.round(rUp),
                "round_trip_ms", round(probed.get("uplink")[2] * 1e3, 4)));
        double sUp = Math.max(0, wReq - burst) * 8 / rUp;
        double sDown = Math.max(0, wAns - burst) * 8 / rUp;
        double gapUp = Math.max(0.02, 2 * wReq * 8 / rUp + burst * 8.0 / rUp);
        Segments up = new Segments();
        Segments down = new Segments();
        Segments lag = new Segments();
        Segments edge = new Segments();
        for (Phase.Request r : isolated(a.requests, gapUp)) {
            String[] e = r.edge();
            long offset = Phase.num(e, a.edgeColumns, "recv") - r.device().at(1, 0);
            long read = Phase.num(e, a.edgeColumns, "read") - offset;
            up.add((read - r.device().sent()) / 1e9 - dUp - sUp);
            down.add((r.device().end() - r.device().at(1, 3)) / 1e9 - dUp - sDown);
            lag.add((r.device().sent() - r.device().birth()) / 1e9);
            edge.add((Phase.num(e, a.edgeColumns, "reply") - Phase.num(e, a.edgeColumns, "read")) / 1e9
                    - layers(e, a.edgeColumns) / 1e9);
        }
        Map<String, Object> per = new LinkedHashMap<>();
        double device = lag.mean() + up.mean() + down.mean();
        per.put("device", time(device));
        per.put("edge", time(edge.mean()));
        evidence.put("phase_A", Map.of("requests", a.requests.size(), "isolated", up.n(),
                "device_lag_ms", lag.ms(), "uplink_residual_ms", up.ms(), "downlink_residual_ms", down.ms(),
                "edge_handling_ms", edge.ms()));
        if (st.edge() && st.cloud()) {
            double dW = probed.get("wan")[0];
            double rW = probed.get("wan")[1];
            double wT = b.bytes.get("wan.forward") / (double) b.sent;
            double wTa = b.bytes.get("wan.back") / (double) b.sent;
            double tensor = mean(b.requests, r -> Phase.num(r.edge(), b.edgeColumns, "bytes_out"));
            s.put("wan", link(rW, dW, burst, header(wT, tensor)));
            evidence.put("wan_wire_bytes_per_request", Map.of("forward", round(wT, 1), "back", round(wTa, 1),
                    "payload", tensor));
            evidence.put("wan_probe", Map.of("delay_ms", round(dW * 1e3, 4), "rate_bps", Math.round(rW),
                    "round_trip_ms", round(probed.get("wan")[2] * 1e3, 4)));
            double sW = Math.max(0, wT - burst) * 8 / rW;
            double sWa = Math.max(0, wTa - burst) * 8 / rW;
            Segments wu = new Segments();
            Segments wd = new Segments();
            Segments cloud = new Segments();
            Segments fwd = new Segments();
            for (Phase.Request r : isolated(b.requests, Math.max(gapUp, 2 * wT * 8 / rW + burst * 8.0 / rW))) {
                String[] e = r.edge();
                String[] c = r.cloud();
                long f0 = Phase.num(e, b.edgeColumns, "forward_start");
                long f1 = Phase.num(e, b.edgeColumns, "forward_end");
                wu.add((Phase.num(c, b.cloudColumns, "read") - f0) / 1e9 - dW - sW);
                cloud.add((Phase.num(c, b.cloudColumns, "reply") - Phase.num(c, b.cloudColumns, "read")) / 1e9
                        - layers(c, b.cloudColumns) / 1e9);
                wd.add((f1 - Phase.num(c, b.cloudColumns, "reply")) / 1e9 - dW - sWa);
                fwd.add((Phase.num(e, b.edgeColumns, "reply") - Phase.num(e, b.edgeColumns, "read") - (f1 - f0)) / 1e9
                        - layers(e, b.edgeColumns) / 1e9);
            }
            per.put("cloud", time(cloud.mean() + wu.mean() + wd.mean() + fwd.mean() - edge.mean()));
            evidence.put("phase_B", Map.of("requests", b.requests.size(), "isolated", wu.n(),
                    "wan_residual_ms", wu.ms(), "wan_back_residual_ms", wd.ms(), "cloud_handling_ms", cloud.ms(),
                    "edge_handling_when_forwarding_ms", fwd.ms()));
        }
        s.put("per_message", per);
        s.put("evidence", evidence);
        return s;
    }

    private static Map<String, Object> link(double rate, double delay, int burst, long message) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("bandwidth", Units.format(Math.round(rate), Units.Kind.BITRATE));
        l.put("delay", Units.format(Math.round(delay * 1e6) / 1e6, Units.Kind.TIME));
        l.put("burst", Units.format(burst, Units.Kind.SIZE));
        l.put("framing", Map.of("message", Units.format(message, Units.Kind.SIZE),
                "packet", Units.format(Calibrator.PACKET, Units.Kind.SIZE), "mss", Units.format(Calibrator.MSS, Units.Kind.SIZE)));
        return l;
    }

    /** The per-message header m that makes {@code payload + m + 66 ceil((payload + m) / 1448)} the measured wire bytes. */
    static long header(double wire, double payload) {
        for (int k = 1; k < 100_000; k++) {
            double m = wire - payload - Calibrator.PACKET * k;
            if (m >= 0 && Math.ceil((payload + m) / Calibrator.MSS) == k) {
                return Math.round(m);
            }
        }
        return 0;
    }

    /** The answer's bytes a with {@code a + 66 ceil(a / 1448)} the measured wire bytes. */
    static long answerBytes(double wire) {
        for (int k = 1; k < 100_000; k++) {
            double a = wire - Calibrator.PACKET * k;
            if (a >= 0 && Math.ceil(a / Calibrator.MSS) == k) {
                return Math.round(a);
            }
        }
        return 0;
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

    static String describe(Map<String, Object> setting) {
        return String.format(Locale.ROOT, "%s", setting.get("per_message"));
    }
}
