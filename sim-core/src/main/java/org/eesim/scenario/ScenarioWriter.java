package org.eesim.scenario;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.eesim.units.Units;

/**
 * Writes a resolved scenario back as YAML: every default filled in, every quantity with its unit,
 * so that a results folder records exactly what ran and {@link ScenarioReader} reads it back to an
 * equal scenario.
 */
public final class ScenarioWriter {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private ScenarioWriter() {
    }

    /**
     * The scenario as YAML, naming its profile by the absolute path of the folder that its source
     * file names, so the text reads back the same wherever it is saved.
     *
     * @throws IllegalArgumentException when the scenario has no readable source file to take the
     *                                  profile folder from (use {@link #toYaml(Scenario, String)})
     */
    public static String toYaml(Scenario s) {
        Path dir = s.sourceFile() == null ? null : ScenarioReader.profileDir(s.sourceFile());
        if (dir == null) {
            throw new IllegalArgumentException("cannot tell the profile folder of scenario " + s.name()
                    + " from its source file " + s.sourceFile());
        }
        return toYaml(s, dir.toString());
    }

    /** The scenario as YAML, with {@code profile:} set to {@code profileRef} as given. */
    public static String toYaml(Scenario s, String profileRef) {
        return toYaml(s, profileRef, false);
    }

    /**
     * The scenario as the text of what determines its numbers, for hashing: like
     * {@link #toYaml(Scenario, String)}, but each bandwidth trace named by a hash of its samples
     * rather than its path, so editing a trace changes the text and moving the checkout does not.
     */
    public static String toHashText(Scenario s, String profileRef) {
        return toYaml(s, profileRef, true);
    }

    private static String toYaml(Scenario s, String profileRef, boolean traceByContent) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("name", s.name());
        root.put("profile", profileRef);
        if (s.isTraining()) {
            training(root, s, traceByContent);
            return write(root);
        }
        ObjectNode tiers = root.putObject("tiers");
        tier(tiers, "device", s.tiers().device());
        tier(tiers, "edge", s.tiers().edge());
        if (s.tiers().edge() != null && s.tiers().edgeAssignment() != EdgeAssignment.STATIC) {
            // only when not the default, so that scenarios written before the key keep their hash
            ((ObjectNode) tiers.get("edge")).put("assignment", s.tiers().edgeAssignment().key());
        }
        tier(tiers, "cloud", s.tiers().cloud());
        if (s.links().uplink() != null || s.links().wan() != null) {
            ObjectNode links = root.putObject("links");
            link(links, "uplink", s.links().uplink(), traceByContent);
            link(links, "wan", s.links().wan(), traceByContent);
        }
        if (s.placement() != null) {
            root.putObject("placement").put("cut1", s.placement().cut1()).put("cut2", s.placement().cut2());
        }
        if (s.policy().kind() != PolicyConfig.Kind.FIXED || s.policy().expert() != null
                || s.policy().adaptation() != null) {
            policy(root.putObject("policy"), s.policy());
        }
        if (s.answer() != null) {
            root.putObject("answer").put("bytes", Units.format(s.answer().bytes(), Units.Kind.SIZE));
        }
        if (s.energy() != null) {
            energy(root.putObject("energy"), s.energy());
        }
        workload(root.putObject("workload"), s.workload());
        exitRule(root.putObject("early_exit"), s.exitRule());
        root.put("service_time", lower(s.serviceTime()));
        run(root.putObject("run"), s.run());
        ObjectNode output = root.putObject("output").put("dir", s.output().dir().toString());
        if (!s.output().figures().isEmpty()) {
            var figures = output.putArray("figures");
            s.output().figures().forEach(figures::add);
        }
        if (s.output().figureX() != null) {
            output.put("figure_x", s.output().figureX());
        }
        if (s.output().name() != null) {
            output.put("name", s.output().name());
        }
        return write(root);
    }

    private static void output(ObjectNode root, Output o) {
        ObjectNode output = root.putObject("output").put("dir", o.dir().toString());
        if (!o.figures().isEmpty()) {
            var figures = output.putArray("figures");
            o.figures().forEach(figures::add);
        }
        if (o.figureX() != null) {
            output.put("figure_x", o.figureX());
        }
        if (o.name() != null) {
            output.put("name", o.name());
        }
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** A training scenario: its training section resolved, both links written out, its run section. */
    private static void training(ObjectNode root, Scenario s, boolean traceByContent) {
        Training t = s.training();
        ObjectNode n = root.putObject("training");
        if (t.epochs() != null) {
            n.put("epochs", t.epochs()).put("samples_per_epoch", t.samplesPerEpoch());
        } else {
            n.put("iterations", t.iterations());
        }
        n.put("batch_size", t.profile().batchSize()).put("staleness", t.staleness())
                .put("quantise", t.int8() ? "int8" : "none");
        if (t.int8()) {
            n.put("error_feedback", t.errorFeedback());
        }
        n.put("quantise_time", t.quantiseSeconds() == null ? "profile"
                : Units.format(t.quantiseSeconds(), Units.Kind.TIME));
        if (t.uploadQueue() == Integer.MAX_VALUE) {
            n.put("upload_queue", "unlimited");
        } else {
            n.put("upload_queue", t.uploadQueue());
        }
        if (t.epochs() != null) {
            n.put("drain_each_epoch", t.drainEachEpoch());
        }
        Training.Policy p = t.policy();
        ObjectNode policy = n.putObject("policy").put("type", p.kind().key());
        if (p.kind() == Training.Kind.FIXED) {
            policy.put("split", p.split());
        } else if (p.kind() == Training.Kind.ENGINE) {
            policy.put("initial_split", p.split()).put("beta", p.beta()).put("initial_remain", p.initialRemain());
        }
        ObjectNode links = root.putObject("links");
        link(links, "uplink", t.uplink(), traceByContent);
        link(links, "downlink", t.downlink(), traceByContent);
        ObjectNode run = root.putObject("run").put("replications", s.run().replications()).put("seed", s.run().seed());
        run.put("warmup", s.run().warmupRequests());
        if (s.energy() != null) {
            ObjectNode e = root.putObject("energy");
            e.putObject("edge").put("idle", Units.format(s.energy().device().idleWatts(), Units.Kind.POWER))
                    .put("busy", Units.format(s.energy().device().busyWatts(), Units.Kind.POWER));
            energy(e, new Energy(s.energy().device(), null, s.energy().cloud(), s.energy().radio()));
            e.remove("device");
        }
        output(root, s.output());
    }

    private static void tier(ObjectNode tiers, String key, TierSpec t) {
        if (t != null) {
            ObjectNode n = tiers.putObject(key).put("count", t.count()).put("cores", t.cores()).put("speed", t.speed());
            if (t.messageSdSeconds() > 0) { // written only when set: older scenarios keep their plan hash
                n.putObject("per_message").put("mean", Units.format(t.messageSeconds(), Units.Kind.TIME))
                        .put("sd", Units.format(t.messageSdSeconds(), Units.Kind.TIME));
            } else if (t.messageSeconds() > 0) {
                n.put("per_message", Units.format(t.messageSeconds(), Units.Kind.TIME));
            }
            if (t.inFlight() > 0) { // likewise
                n.put("in_flight", t.inFlight());
            }
        }
    }

    private static void link(ObjectNode links, String key, Link l, boolean traceByContent) {
        if (l != null) {
            ObjectNode node = links.putObject(key)
                    .put("bandwidth", Units.format(l.bandwidthBps(), Units.Kind.BITRATE))
                    .put("delay", Units.format(l.delaySeconds(), Units.Kind.TIME))
                    .put("shared", l.shared());
            if (l.jitterSeconds() > 0) {
                node.put("jitter", Units.format(l.jitterSeconds(), Units.Kind.TIME));
            }
            if (l.burstBytes() > 0) {
                node.put("burst", Units.format(l.burstBytes(), Units.Kind.SIZE));
            }
            if (!l.framing().none() || l.framing().mssBytes() > 0) {
                node.putObject("framing").put("message", Units.format(l.framing().messageBytes(), Units.Kind.SIZE))
                        .put("packet", Units.format(l.framing().packetBytes(), Units.Kind.SIZE))
                        .put("mss", Units.format(l.framing().mssBytes(), Units.Kind.SIZE));
            }
            if (l.variation() instanceof BandwidthVariation.Trace t) {
                node.put("bandwidth_trace", traceByContent ? "sha256:" + samplesHash(t)
                        : t.file().toAbsolutePath().toString());
            } else if (l.variation() instanceof BandwidthVariation.Markov m) {
                var states = node.putArray("bandwidth_markov");
                for (int i = 0; i < m.ratesBps().length; i++) {
                    states.addObject().put("bandwidth", Units.format(m.ratesBps()[i], Units.Kind.BITRATE))
                            .put("mean_holding", Units.format(m.meanHoldingSeconds()[i], Units.Kind.TIME));
                }
            }
        }
    }

    /** The trace as read (times and rates, exact bits): what the run uses of the file. */
    private static String samplesHash(BandwidthVariation.Trace t) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(16 * t.timesSeconds().length);
            for (int i = 0; i < t.timesSeconds().length; i++) {
                b.putDouble(t.timesSeconds()[i]).putDouble(t.ratesBps()[i]);
            }
            return HexFormat.of().formatHex(md.digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void workload(ObjectNode node, Workload w) {
        ObjectNode arrival = node.putObject("arrival");
        if (w.arrival() instanceof Arrival.Poisson p) {
            arrival.put("type", "poisson").put("rate", Units.format(p.ratePerSecond(), Units.Kind.RATE));
        } else if (w.arrival() instanceof Arrival.Deterministic d) {
            arrival.put("type", "deterministic").put("interval", Units.format(d.intervalSeconds(), Units.Kind.TIME));
        } else if (w.arrival() instanceof Arrival.Closed c) {
            arrival.put("type", "closed").put("users", c.users())
                    .put("think", Units.format(c.thinkSeconds(), Units.Kind.TIME))
                    .put("think_distribution", c.exponentialThink() ? "exponential" : "constant");
        }
        ObjectNode mix = node.putObject("mix");
        w.mix().forEach(mix::put);
        if (w.deadlineSeconds() != null) {
            node.put("deadline", Units.format(w.deadlineSeconds(), Units.Kind.TIME));
        }
    }

    private static void exitRule(ObjectNode node, ExitRule r) {
        node.put("rule", lower(r.kind())).put("threshold", r.threshold());
        if (!r.perExit().isEmpty()) {
            ObjectNode thresholds = node.putObject("thresholds");
            r.perExit().forEach(thresholds::put);
        }
        if (!r.disabled().isEmpty()) {
            r.disabled().forEach(node.putArray("disabled")::add);
        }
    }

    private static void policy(ObjectNode node, PolicyConfig p) {
        node.put("type", p.kind().key());
        if (!p.thresholds().isEmpty() || !p.branchThresholds().isEmpty()) {
            var list = node.putArray("thresholds");
            p.thresholds().forEach(list::add);
            p.branchThresholds().forEach(config -> {
                ObjectNode item = list.addObject();
                config.forEach(item::put);
            });
        }
        if (p.latencySeconds() != null) {
            node.put("latency_requirement", Units.format(p.latencySeconds(), Units.Kind.TIME));
        }
        if (p.kind() == PolicyConfig.Kind.TINYML) {
            node.put("indexing", p.publishedIndexing() ? "published" : "stated");
        }
        if (p.minimiseEnergy()) {
            node.put("minimise", "energy");
        }
        if (p.expert() != null) {
            ObjectNode e = node.putObject("expert")
                    .put("classifier_time", Units.format(p.expert().classifierSeconds(), Units.Kind.TIME));
            ObjectNode rows = e.putObject("confusion");
            for (int i = 0; i < 3; i++) {
                ObjectNode row = rows.putObject(PolicyConfig.Expert.CLASSES.get(i));
                for (int k = 0; k < 3; k++) {
                    row.put(PolicyConfig.Expert.CLASSES.get(k), p.expert().confusion()[i][k]);
                }
            }
        }
        PolicyConfig.Adaptation a = p.adaptation();
        if (a != null) {
            ObjectNode an = node.putObject("adaptation").put("target", Units.format(a.targetSeconds(), Units.Kind.TIME));
            a.thresholds().forEach(an.putArray("thresholds")::add);
            an.put("batch", a.batch());
        }
        PolicyConfig.Monitor m = p.monitor();
        if (m != null) {
            node.putObject("monitor").put("period", Units.format(m.periodSeconds(), Units.Kind.TIME))
                    .put("samples", m.samples()).put("error", m.relativeError())
                    .put("lag", Units.format(m.lagSeconds(), Units.Kind.TIME));
        }
    }

    /** Every power resolved (presets written out); only the tiers the scenario has. */
    private static void energy(ObjectNode node, Energy e) {
        for (Tier t : Tier.values()) {
            Energy.TierPower p = e.of(t);
            if (p != null) {
                node.putObject(lower(t)).put("idle", Units.format(p.idleWatts(), Units.Kind.POWER))
                        .put("busy", Units.format(p.busyWatts(), Units.Kind.POWER));
            }
        }
        Energy.Radio r = e.radio();
        node.putObject("radio").put("send", Units.format(r.sendWatts(), Units.Kind.POWER))
                .put("send_per_mbit", Units.format(r.sendJoulesPerMegabit(), Units.Kind.ENERGY))
                .put("receive", Units.format(r.receiveWatts(), Units.Kind.POWER))
                .put("receive_per_mbit", Units.format(r.receiveJoulesPerMegabit(), Units.Kind.ENERGY))
                .put("tail_time", Units.format(r.tailSeconds(), Units.Kind.TIME))
                .put("tail_power", Units.format(r.tailWatts(), Units.Kind.POWER));
    }

    private static void run(ObjectNode node, RunControl r) {
        if (r.length() instanceof RunControl.Span.Requests n) {
            node.put("requests", n.count());
        } else if (r.length() instanceof RunControl.Span.Time t) {
            node.put("duration", Units.format(t.seconds(), Units.Kind.TIME));
        }
        if (r.warmup() instanceof RunControl.Span.Requests n) {
            node.put("warmup", n.count());
        } else if (r.warmup() instanceof RunControl.Span.Time t) {
            node.put("warmup", Units.format(t.seconds(), Units.Kind.TIME));
        }
        node.put("replications", r.replications()).put("seed", r.seed());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
