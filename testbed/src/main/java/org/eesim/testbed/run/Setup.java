package org.eesim.testbed.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eesim.profile.Branch;
import org.eesim.profile.Profile;
import org.eesim.scenario.Arrival;
import org.eesim.scenario.ExitRule;
import org.eesim.scenario.Link;
import org.eesim.scenario.PolicyConfig;
import org.eesim.scenario.RunControl;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.TierSpec;

/**
 * What one point of a scenario asks of the deployment, or why the deployment cannot run it: one
 * edge and one cloud machine of one core each (a server's one compute thread; the machine has two
 * cores in all), speeds of at most 1 (slower ones become CPU quotas), constant links without
 * jitter, Poisson arrivals, a run length in time, fixed cuts.
 */
public record Setup(int devices, double ratePerDevice, Map<String, Double> mix, int cut1, int cut2, int layers,
                    Map<String, Object> rule, Map<String, double[]> links, Map<String, Double> shares,
                    double warmupSeconds, double durationSeconds, boolean edge, boolean cloud) {

    public static Setup of(Scenario s) {
        List<String> no = new ArrayList<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        check("device", s.tiers().device(), false, no, shares);
        if (s.tiers().hasEdge()) {
            check("edge", s.tiers().edge(), true, no, shares);
        }
        if (s.tiers().hasCloud()) {
            check("cloud", s.tiers().cloud(), true, no, shares);
        }
        if (s.policy().kind() != PolicyConfig.Kind.FIXED || s.policy().expert() != null) {
            no.add("policy: the testbed runs fixed cuts (placement) only");
        }
        double rate = s.workload().arrival() instanceof Arrival.Poisson p ? p.ratePerSecond() : -1;
        if (rate < 0) {
            no.add("workload.arrival: the testbed's devices send Poisson arrivals only");
        }
        double length = s.run().length() instanceof RunControl.Span.Time t ? t.seconds() : -1;
        if (length < 0) {
            no.add("run: the testbed runs for a time: give run.duration, not run.requests");
        }
        double warmup = s.run().warmup() instanceof RunControl.Span.Time w ? w.seconds() : -1;
        if (warmup < 0) {
            no.add("run.warmup: the testbed's warm-up is a time (e.g. 5 s), not a number of requests");
        }
        Map<String, double[]> links = new LinkedHashMap<>();
        link("uplink", s.links().uplink(), links, no);
        if (s.tiers().hasEdge() && s.tiers().hasCloud()) {
            link("wan", s.links().wan(), links, no);
        }
        if (!no.isEmpty()) {
            throw new IllegalArgumentException(s.sourceFile() + ": the testbed cannot deploy this scenario:\n  "
                    + String.join("\n  ", no));
        }
        Profile prof = s.profile();
        int n = prof.layers().size();
        int cut1 = s.placement().cut1();
        int cut2 = s.placement().cut2();
        return new Setup(s.tiers().device().count(), rate, s.workload().mix(), cut1, cut2, n,
                rule(s.exitRule(), prof), links, shares, warmup, length, s.tiers().hasEdge(),
                s.tiers().hasCloud());
    }

    /** This point on links of other rates or delays. */
    Setup withLinks(Map<String, double[]> other) {
        return new Setup(devices, ratePerDevice, mix, cut1, cut2, layers, rule, other, shares, warmupSeconds,
                durationSeconds, edge, cloud);
    }

    /** This point with images of another mix of conditions. */
    Setup withMix(Map<String, Double> other) {
        return new Setup(devices, ratePerDevice, other, cut1, cut2, layers, rule, links, shares, warmupSeconds,
                durationSeconds, edge, cloud);
    }

    /** This point's deployment driven otherwise: {@code ratePerSecond} from all devices, another rule, run length. */
    Setup withRun(double ratePerSecond, Map<String, Object> otherRule, double warmup, double seconds) {
        return new Setup(devices, ratePerSecond / devices, mix, cut1, cut2, layers, otherRule, links, shares, warmup,
                seconds, edge, cloud);
    }

    /** The device fleet's {@code run} call: this point's arrivals and rule, its rows into {@code out}. */
    Map<String, Object> deviceRun(long seed, Path out, double drainSeconds) {
        Map<String, Object> run = new LinkedHashMap<>(rule);
        run.put("nodes", devices);
        run.put("rate", ratePerDevice);
        run.put("warmup_s", warmupSeconds);
        run.put("duration_s", durationSeconds);
        run.put("seed", seed);
        run.put("from", cut1);
        run.put("url", "http://127.0.0.1:" + Layout.RELAY_HTTP + "/infer");
        run.put("mix", mix);
        run.put("out", out.toString());
        run.put("drain_s", drainSeconds);
        return run;
    }

    private static void check(String name, TierSpec t, boolean server, List<String> no, Map<String, Double> shares) {
        if (server && t.count() != 1) {
            no.add("tiers." + name + ".count: the testbed has one " + name + " machine, not " + t.count());
        }
        if (server && t.cores() != 1) {
            no.add("tiers." + name + ".cores: each testbed server computes on one core (one thread), not " + t.cores());
        }
        if (t.speed() > 1) {
            no.add("tiers." + name + ".speed: this machine cannot run faster than itself (speed " + t.speed() + " > 1)");
        } else if (t.speed() < 1) {
            shares.put(name, t.speed());
        }
    }

    private static void link(String name, Link l, Map<String, double[]> links, List<String> no) {
        if (l == null) {
            no.add("links." + name + ": required by the placement");
            return;
        }
        if (l.variation() != null) {
            no.add("links." + name + ": the testbed shapes a constant rate (no bandwidth_trace or bandwidth_markov)");
        }
        if (l.jitterSeconds() > 0) {
            no.add("links." + name + ".jitter: the testbed's relay adds a constant delay");
        }
        links.put(name, new double[] {l.bandwidthBps(), l.delaySeconds()});
    }

    /** The exit rule as the servers' {@code configure} takes it. */
    static Map<String, Object> rule(ExitRule r, Profile p) {
        List<Double> thresholds = new ArrayList<>();
        List<Boolean> enabled = new ArrayList<>();
        for (Branch b : p.branches()) {
            thresholds.add(r.thresholdOf(b.name()));
            enabled.add(r.enabled(b.name()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", r.kind().name());
        m.put("thresholds", thresholds);
        m.put("enabled", enabled);
        return m;
    }
}
