package org.eesim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eesim.units.Units;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.TextFiles;
import org.eesim.yaml.YamlNode;

/**
 * One link of the {@code links} section: rate, delay and jitter, sharing, and a rate that varies
 * (a trace file of time and rate rows, or Markov-modulated states).
 */
final class LinkReader {

    private static final int MAX_LISTED = 20;

    private final Problems problems;
    private final Path scenarioFile;

    LinkReader(Problems problems, Path scenarioFile) {
        this.problems = problems;
        this.scenarioFile = scenarioFile;
    }

    Link read(YamlNode node) {
        if (node == null) {
            return null;
        }
        int before = problems.size();
        Fields f = Fields.of(node, problems, "bandwidth", "delay", "shared", "jitter", "bandwidth_trace",
                "bandwidth_markov", "burst", "framing");
        if (f.has("bandwidth_trace") && f.has("bandwidth_markov")) {
            f.problem("give bandwidth_trace or bandwidth_markov, not both");
        }
        BandwidthVariation variation = f.has("bandwidth_trace") ? trace(f)
                : f.has("bandwidth_markov") ? markov(f) : null;
        boolean varies = f.has("bandwidth_trace") || f.has("bandwidth_markov");
        Double bandwidth = !varies ? f.quantity("bandwidth", Units.Kind.BITRATE)
                : f.quantity("bandwidth", Units.Kind.BITRATE, variation == null ? null : nominal(variation));
        if (bandwidth != null && !(bandwidth > 0)) {
            problems.add(f.node("bandwidth"), "bandwidth must be positive, got " + f.node("bandwidth").describe());
        }
        Double delay = f.quantity("delay", Units.Kind.TIME, 0.0);
        if (delay != null && delay < 0) {
            problems.add(f.node("delay"), "delay must be >= 0, got " + f.node("delay").describe());
        }
        Double jitter = f.quantity("jitter", Units.Kind.TIME, 0.0);
        if (jitter != null && delay != null && delay >= 0 && !(jitter >= 0 && jitter <= delay)) {
            problems.add(f.node("jitter"), "jitter must be between 0 and the delay (" + Units.format(delay,
                    Units.Kind.TIME) + "): each transfer's delay is uniform in [delay - jitter, delay + jitter]");
        }
        Boolean shared = f.bool("shared", true);
        Long burst = f.wholeBytes("burst", 0L);
        if (burst != null && burst > 0 && varies) {
            problems.add(f.node("burst"), "a token bucket (burst) is modelled on a constant rate only, not with "
                    + (f.has("bandwidth_trace") ? "bandwidth_trace" : "bandwidth_markov"));
        }
        Framing framing = framing(f.node("framing"));
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        return new Link(bandwidth, delay, shared, jitter, variation, burst, framing);
    }

    /** {@code framing: {message, packet, mss}} ({@link Framing}); none when absent. */
    private Framing framing(YamlNode node) {
        if (node == null) {
            return Framing.NONE;
        }
        int before = problems.size();
        Fields f = Fields.of(node, problems, "message", "packet", "mss");
        Long message = f.wholeBytes("message", 0L);
        Long packet = f.wholeBytes("packet", 0L);
        Long mss = f.wholeBytes("mss", 0L);
        if (mss != null && packet != null && packet > 0 && mss == 0) {
            f.problem("a per-packet overhead needs mss, the payload bytes per packet (1448 B for TCP with"
                    + " timestamps over a 1500 B MTU)");
        }
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        return new Framing(message, packet, mss);
    }

    /** Without a {@code bandwidth}, a policy is told the rate at time 0 (trace) or of state 0. */
    private static Double nominal(BandwidthVariation v) {
        if (v instanceof BandwidthVariation.Trace t) {
            return t.ratesBps()[0];
        }
        return ((BandwidthVariation.Markov) v).ratesBps()[0];
    }

    private BandwidthVariation trace(Fields f) {
        String ref = f.string("bandwidth_trace");
        if (ref == null) {
            return null;
        }
        YamlNode at = f.node("bandwidth_trace");
        Path file = TextFiles.resolve(scenarioFile.toAbsolutePath().getParent(), ref, at, problems);
        String text = file == null ? null
                : TextFiles.read(file, TextFiles.TRACE_MAX_BYTES, "bandwidth trace", at, problems);
        if (text == null) {
            return null;
        }
        List<String> lines = text.lines().toList();
        List<double[]> rows = new ArrayList<>();
        int before = problems.size();
        int header = firstContentLine(lines);
        int bad = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || i == header && line.startsWith("time")) {
                continue;
            }
            // past 20 bad rows, count the rest instead of listing them (as for profile traces)
            double[] row = row(file, i + 1, line, bad < MAX_LISTED ? at : null);
            if (row != null) {
                rows.add(row);
            } else {
                bad++;
            }
        }
        if (bad > MAX_LISTED) {
            problems.add(at, "bandwidth trace " + file + ": " + (bad - MAX_LISTED) + " more bad rows not listed");
        }
        if (bad > 0 || problems.size() > before) {
            return null;
        }
        return traceOf(file, rows, at);
    }

    private BandwidthVariation traceOf(Path file, List<double[]> rows, YamlNode at) {
        String where = "bandwidth trace " + file + ": ";
        if (rows.isEmpty()) {
            problems.add(at, where + "no rows (expected 'time,bandwidth' rows such as '0 s,18.8 Mbps')");
            return null;
        }
        int before = problems.size();
        double[] t = new double[rows.size()];
        double[] r = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = rows.get(i)[0];
            r[i] = rows.get(i)[1];
            if (i == 0 && t[0] != 0) {
                problems.add(at, where + "the first row must be at time 0, got " + Units.format(t[0], Units.Kind.TIME));
            } else if (i > 0 && !(t[i] > t[i - 1])) {
                problems.add(at, where + "times must increase, row " + (i + 1) + " is at "
                        + Units.format(t[i], Units.Kind.TIME) + " after " + Units.format(t[i - 1], Units.Kind.TIME));
            }
        }
        return problems.size() > before ? null : new BandwidthVariation.Trace(file, t, r);
    }

    private static int firstContentLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    /** One 'time,rate' row with units, or null; a problem names the trace file and line ({@code at} null: unlisted). */
    private double[] row(Path file, int line, String text, YamlNode at) {
        String[] cells = text.split(",");
        String where = "bandwidth trace " + file + " line " + line + ": ";
        String problem;
        if (cells.length != 2) {
            problem = "expected 'time,bandwidth' such as '10 s,5.85 Mbps', got '" + text + "'";
        } else {
            try {
                double t = Units.parse(cells[0].strip(), Units.Kind.TIME);
                double r = Units.parse(cells[1].strip(), Units.Kind.BITRATE);
                if (r > 0 && t >= 0) {
                    return new double[] {t, r};
                }
                problem = "time must be >= 0 and bandwidth positive, got '" + text + "'";
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (at != null) {
            problems.add(at, where + problem);
        }
        return null;
    }

    private BandwidthVariation markov(Fields f) {
        YamlNode.Sequence seq = f.sequence("bandwidth_markov");
        if (seq == null) {
            return null;
        }
        int before = problems.size();
        List<double[]> states = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            Fields s = Fields.of(item, problems, "bandwidth", "mean_holding");
            Double r = s.quantity("bandwidth", Units.Kind.BITRATE);
            Double h = s.quantity("mean_holding", Units.Kind.TIME);
            if (r != null && !(r > 0)) {
                problems.add(s.node("bandwidth"), "bandwidth must be positive, got " + s.node("bandwidth").describe());
            }
            if (h != null && !(h > 0)) {
                problems.add(s.node("mean_holding"), "mean_holding must be positive, got "
                        + s.node("mean_holding").describe());
            }
            if (r != null && h != null) {
                states.add(new double[] {r, h});
            }
        }
        if (seq.items().size() < 2) {
            problems.add(seq, "a Markov-modulated link needs at least two states, got " + seq.items().size());
        }
        if (problems.size() > before) {
            return null;
        }
        double[] rates = states.stream().mapToDouble(x -> x[0]).toArray();
        double[] holds = states.stream().mapToDouble(x -> x[1]).toArray();
        return new BandwidthVariation.Markov(rates, holds);
    }
}
