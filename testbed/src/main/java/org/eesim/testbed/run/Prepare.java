package org.eesim.testbed.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eesim.profile.Branch;
import org.eesim.profile.Condition;
import org.eesim.profile.Profile;
import org.eesim.sweep.SweepPlan;
import org.eesim.testbed.node.NetworkSpec;

/**
 * The trained network a deployment runs: its weights and its traces profile (per test image and
 * condition, every exit's calibrated confidence, from the same weights), made by the models
 * module's own command ({@code eesim profile ... --load}, which trains when no weights exist yet and
 * otherwise only re-traces) in a child JVM with the engine settings every PyTorch process here gets.
 */
final class Prepare {

    private Prepare() {
    }

    /** Makes the weights and the traces profile if either is missing. */
    static void ensure(TestbedFile tf, PrintStream out) throws IOException {
        if (Files.isRegularFile(tf.weights()) && Files.isRegularFile(tf.tracesProfile().resolve("profile.yaml"))) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), "org.eesim.models.cli.ModelsMain"));
        List<String> args = new ArrayList<>(List.of("profile", "--net", tf.net(), "--name", tf.name(), "--width",
                Double.toString(tf.width())));
        args.addAll(tf.train());
        args.addAll(List.of("--out", tf.dir().resolve("profiles").toString(), "--weights",
                tf.dir().resolve("weights").toString(), "--load"));
        cmd.addAll(args);
        out.println("[testbed] no trained network yet: eesim " + String.join(" ", args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("DNNL_MAX_CPU_ISA", "AVX2");
        pb.environment().put("ONEDNN_MAX_CPU_ISA", "AVX2");
        try {
            int status = pb.start().waitFor();
            if (status != 0) {
                throw new IOException("training the testbed's network failed (status " + status + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while training", e);
        }
    }

    /** The scenario must be traced by this network: its profile is the traces profile the weights made. */
    static void checkProfile(TestbedFile tf, SweepPlan plan) throws IOException {
        Path want = tf.tracesProfile().toRealPath();
        String name = plan.points().get(0).scenario().profile().name();
        if (!name.equals(tf.name())) {
            throw new IOException(tf.scenario() + ": its profile is '" + name + "', but the testbed runs the network "
                    + tf.name() + ": set its profile to " + want + " (the traces of these weights)");
        }
    }

    /** The network as the servers rebuild it: family and width from the file, branches and temperatures from the traces. */
    static NetworkSpec spec(TestbedFile tf, Profile p) throws IOException {
        List<Integer> after = new ArrayList<>();
        for (Branch b : p.branches()) {
            after.add(b.afterLayer() - 1);
        }
        String t = p.provenance().get("temperatures_standard");
        if (t == null) {
            throw new IOException("profile " + p.name() + " has no provenance.temperatures_standard");
        }
        String[] parts = t.replace("[", "").replace("]", "").split(",");
        double[] temps = new double[parts.length];
        for (int i = 0; i < temps.length; i++) {
            temps[i] = Double.parseDouble(parts[i].strip());
        }
        long pixels = p.inputBytes() / 4;
        long side = Math.round(Math.sqrt(pixels));
        return new NetworkSpec(tf.net(), tf.width(), new long[] {1, side, side}, after, tf.weights(), temps);
    }

    static int testSamples(Profile p) {
        Condition c = p.conditions().get("pristine");
        return c instanceof Condition.Trace t ? t.samples() : 2000;
    }

    static long dataSeed(Profile p) {
        return Long.parseLong(p.provenance().getOrDefault("seed", "1"));
    }
}
