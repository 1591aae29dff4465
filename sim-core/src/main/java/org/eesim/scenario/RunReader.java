package org.eesim.scenario;

import java.math.BigInteger;

import org.eesim.units.Units;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.Values;
import org.eesim.yaml.YamlNode;

/** The {@code run} section: run length (requests or duration), warm-up, replications, seed. */
final class RunReader {

    static final int DEFAULT_REPLICATIONS = 10;
    /** Beyond this the list of runs alone would fill the memory of a laptop. */
    static final int MAX_REPLICATIONS = 100_000;

    private RunReader() {
    }

    static RunControl read(YamlNode node, Problems problems) {
        int before = problems.size();
        Fields f = Fields.of(node, problems, "requests", "duration", "warmup", "replications", "seed");
        RunControl.Span length = length(f, problems);
        RunControl.Span warmup = warmup(f.node("warmup"), problems);
        Integer replications = f.integer("replications", DEFAULT_REPLICATIONS);
        if (replications != null && replications < 1) {
            problems.add(f.node("replications"), "replications must be at least 1, got " + replications);
        } else if (replications != null && replications > MAX_REPLICATIONS) {
            problems.add(f.node("replications"), "replications must be at most " + MAX_REPLICATIONS + ", got "
                    + replications + " (10 to 1000 give intervals narrow enough for a paper)");
        }
        Long seed = f.longInteger("seed");
        if (problems.size() > before || f.mapping() == null) {
            return null;
        }
        return new RunControl(length, warmup, replications, seed);
    }

    private static RunControl.Span length(Fields f, Problems problems) {
        if (f.has("requests") && f.has("duration")) {
            f.problem("give either requests or duration, not both");
            return null;
        }
        if (f.has("duration")) {
            Double d = f.quantity("duration", Units.Kind.TIME);
            if (d != null && !(d > 0)) {
                problems.add(f.node("duration"), "duration must be positive, got " + f.node("duration").describe());
                return null;
            }
            return d == null ? null : new RunControl.Span.Time(d);
        }
        if (!f.has("requests")) {
            if (f.misspelt("requests") || f.misspelt("duration")) {
                return null; // the misspelling is reported
            }
            f.problem("missing run length: give requests (measured requests per replication) or duration"
                    + " (simulated time, e.g. '600 s')");
            return null;
        }
        Long n = f.longInteger("requests");
        if (n != null && n < 1) {
            problems.add(f.node("requests"), "requests must be at least 1, got " + n);
            return null;
        }
        return n == null ? null : new RunControl.Span.Requests(n);
    }

    /** A whole number is a count of requests; anything else must be a time. */
    private static RunControl.Span warmup(YamlNode node, Problems problems) {
        if (node == null) {
            return new RunControl.Span.Requests(0);
        }
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER) {
            Long n = Values.longInteger(node, problems);
            if (n != null && ((BigInteger) s.value()).signum() < 0) {
                problems.add(node, "warmup must be >= 0, got " + n);
                return null;
            }
            return n == null ? null : new RunControl.Span.Requests(n);
        }
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.FLOAT) {
            problems.add(node, "warmup is a number of requests (e.g. 1000) or a time (e.g. '60 s'), got "
                    + node.describe());
            return null;
        }
        Double t = Values.quantity(node, Units.Kind.TIME, problems);
        if (t != null && t < 0) {
            problems.add(node, "warmup must be >= 0, got " + node.describe());
            return null;
        }
        return t == null ? null : new RunControl.Span.Time(t);
    }
}
