package org.eesim.runner;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eesim.scenario.RunControl.Span;
import org.eesim.scenario.Scenario;
import org.eesim.sim.OfferedLoad;
import org.eesim.sim.OffloadModel;
import org.eesim.sweep.Point;
import org.eesim.sweep.SweepPlan;
import org.eesim.yaml.Problem;
import org.eesim.yaml.Problems;
import org.eesim.yaml.YamlNode;
import org.eesim.yaml.YamlTree;

/**
 * Looks at every point's {@link OfferedLoad} before anything runs. A resource offered a load of
 * 1 or more is legal but its queue grows for as long as the run lasts, so the latency measured
 * depends on the run's length and its interval means little: a warning, printed and written into
 * the manifest. A replication whose expected size is absurd is refused unless forced.
 *
 * @param warnings  one line per overloaded resource (a sweep's points grouped per resource)
 * @param refusals  located problems of runs that would not end in a useful time or that would
 *                  measure nothing; {@code --force} runs them anyway
 */
public record PlanCheck(List<String> warnings, List<Problem> refusals) {

    /**
     * Past 10^9 s (32 years) of simulated time a double's resolution is coarser than 0.1 us, and
     * no question about inference latency needs that much model time.
     */
    public static final double MAX_SECONDS = 1e9;
    /** Requests created by one replication: at about 2 million a second per core, hours. */
    public static final double MAX_BIRTHS = 1e10;
    /** The flag that runs a refused plan anyway. */
    public static final String FORCE = "--force";

    /** The scenario key that sets each tier's capacity. */
    private static final Map<String, String> KEYS = Map.of("device", "tiers.device", "uplink", "links.uplink",
            "edge", "tiers.edge", "wan", "links.wan", "cloud", "tiers.cloud");

    /** Overloaded points listed by value before the rest are counted. */
    private static final int LISTED = 3;

    public PlanCheck {
        warnings = List.copyOf(warnings);
        refusals = List.copyOf(refusals);
    }

    public static PlanCheck of(SweepPlan plan) {
        Map<String, List<String>> overloaded = new LinkedHashMap<>();
        List<Problem> refusals = new ArrayList<>();
        YamlNode root = null;
        for (Point p : plan.points()) {
            if (p.scenario().isTraining()) {
                continue; // a training run's length is its iterations, bounded by the reader; no open arrivals
            }
            OfferedLoad load = OfferedLoad.of(p.scenario(), p.seed());
            for (OfferedLoad.Resource r : load.resources()) {
                if (r.load() >= 1) {
                    overloaded.computeIfAbsent(r.tier(), k -> new ArrayList<>())
                            .add(plan.isSweep() ? "point " + p.id() + " (" + num(r.load()) + ")" : num(r.load()));
                }
            }
            Refusal refusal = refusal(p.scenario(), load);
            if (refusal != null && refusals.size() < LISTED) {
                String point = plan.isSweep() ? "point " + p.id() + " (" + p.identity() + "): " : "";
                root = root != null ? root : YamlTree.parse(plan.file(), new Problems()); // once, only to locate
                refusals.add(located(plan.file(), root, refusal.key(), point + refusal.reason() + "; " + FORCE
                        + " runs it anyway"));
            }
        }
        List<String> warnings = new ArrayList<>();
        overloaded.forEach((tier, loads) -> warnings.add(tier + " offered load "
                + (plan.isSweep() ? ">= 1 at " + list(loads) : list(loads) + " >= 1") + ": its queue"
                + " grows for as long as the run lasts, so the latency depends on the run's length and its interval"
                + " means little"));
        return new PlanCheck(warnings, refusals);
    }

    /** Why a replication should not run, and the scenario key that says most about it. */
    private record Refusal(String key, String reason) {
    }

    private static Refusal refusal(Scenario s, OfferedLoad load) {
        boolean timed = s.run().length() instanceof Span.Time;
        if (load.open() && timed && load.measured() < 1) {
            return new Refusal("run.duration", "a window of " + num(((Span.Time) s.run().length()).seconds())
                    + " s would measure about " + num(load.measured()) + " requests, so almost surely none:"
                    + " lengthen run.duration or raise the arrival rate");
        }
        OfferedLoad.Resource worst = worst(load);
        if (load.seconds() > MAX_SECONDS) {
            String key = worst != null ? KEYS.get(worst.tier()) : timed || !load.open() ? "run" : "workload.arrival";
            return new Refusal(key, "a replication would span about "
                    + num(load.seconds()) + " s of simulated time" + bottleneck(load) + ": past " + num(MAX_SECONDS)
                    + " s a double no longer resolves a microsecond. Check the arrival rate, the bandwidths and the"
                    + " run length");
        }
        if (worst != null && load.births() * (1 - 1 / worst.load()) > OffloadModel.MAX_IN_SYSTEM) {
            return new Refusal(KEYS.get(worst.tier()), "the " + worst.tier() + " is offered a load of "
                    + num(worst.load()) + " and would queue about " + num(load.births() * (1 - 1 / worst.load()))
                    + " requests by the end of a replication, more than the " + num(OffloadModel.MAX_IN_SYSTEM)
                    + " a replication may hold: lower the load, raise the capacity, or shorten the run");
        }
        if (load.births() > MAX_BIRTHS) {
            return new Refusal("run", "a replication would create about " + num(load.births()) + " requests"
                    + bottleneck(load) + ", more than " + num(MAX_BIRTHS) + " (hours of computing): use fewer"
                    + " requests or a shorter duration, and more replications");
        }
        return null;
    }

    /** The most overloaded resource, or null when none is offered a load of 1 or more. */
    private static OfferedLoad.Resource worst(OfferedLoad load) {
        OfferedLoad.Resource worst = null;
        for (OfferedLoad.Resource r : load.resources()) {
            if (r.load() >= 1 && (worst == null || r.load() > worst.load())) {
                worst = r;
            }
        }
        return worst;
    }

    private static String bottleneck(OfferedLoad load) {
        OfferedLoad.Resource worst = worst(load);
        return worst == null ? "" : " (the " + worst.tier() + " is offered a load of " + num(worst.load()) + ")";
    }

    /** At the {@code key} section of the scenario file when it can be found there, else at the file. */
    private static Problem located(java.nio.file.Path file, YamlNode root, String key, String reason) {
        YamlNode node = root;
        for (String part : key.split("\\.")) {
            node = node instanceof YamlNode.Mapping m ? m.entries().get(part) : null;
        }
        if (node == null) {
            return new Problem(file, 0, 0, "", reason);
        }
        return new Problem(file, node.keyAt().line(), node.keyAt().column(), key, reason);
    }

    private static String list(List<String> loads) {
        if (loads.size() <= LISTED) {
            return String.join(", ", loads);
        }
        return String.join(", ", loads.subList(0, LISTED)) + " and " + (loads.size() - LISTED) + " more points";
    }

    /** 3 significant digits, plain for ordinary magnitudes. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : "more than 1e308";
        }
        double a = Math.abs(v);
        if (a == 0 || a >= 1e-3 && a < 1e6) {
            return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v).replaceFirst("\\.?0+e", "e").replaceFirst("e\\+?(-?)0*(\\d)", "e$1$2");
    }
}
