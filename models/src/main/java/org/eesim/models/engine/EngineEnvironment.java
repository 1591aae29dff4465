package org.eesim.models.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment every JVM of ours that runs PyTorch needs (issue 10). PyTorch 2.7.1's oneDNN
 * (v3.7.1) computes the input gradient of a convolution wrong on AVX-512 when its channel counts
 * are not multiples of 16 (the 16-channel blocked layouts then carry padding, and the result
 * depends on what that memory held: mostly wrong values, sometimes NaN); capped at AVX2 it
 * uses 8-channel blocks and is exact. oneDNN reads the cap from the environment once, when it
 * loads, so it cannot be set from inside a running JVM: {@link #ensure} re-launches the same
 * main class in a child JVM with the variables added. The tests get them from surefire
 * (models/pom.xml).
 */
public final class EngineEnvironment {

    /** Variables and values added when absent; a value the user set is kept. */
    public static final Map<String, String> REQUIRED = required();

    /** Set in the child so that it never re-launches itself. */
    public static final String MARKER = "EESIM_ENGINE_RELAUNCHED";

    /** What a non-finite message tells the user to try. */
    public static final String HINT = "on AVX-512 CPUs PyTorch's oneDNN computes convolution gradients wrong (issue 10):"
            + " run with DNNL_MAX_CPU_ISA=AVX2 (the models tests and eesim-models set it themselves; see README,"
            + " 'PyTorch engine settings')";

    private static final List<String> REPORTED = List.of("DNNL_MAX_CPU_ISA", "ONEDNN_MAX_CPU_ISA", "ATEN_CPU_CAPABILITY",
            "MKL_ENABLE_INSTRUCTIONS");

    private EngineEnvironment() {
    }

    private static Map<String, String> required() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("DNNL_MAX_CPU_ISA", "AVX2");
        // oneDNN 3.x reads the ONEDNN_ spelling first; set both so neither disagrees
        m.put("ONEDNN_MAX_CPU_ISA", "AVX2");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The required variables missing from {@code env}, with the values to add. */
    public static Map<String, String> missing(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        REQUIRED.forEach((k, v) -> {
            if (!env.containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Returns at once when this JVM's environment has the required variables (or it is already
     * the re-launched child); otherwise runs {@code mainClass} with {@code args} in a child JVM
     * with them added (same java, class path, {@code -Dai.djl.*} properties and heap options;
     * standard streams inherited) and exits with the child's status.
     */
    public static void ensure(Class<?> mainClass, String[] args) {
        Map<String, String> add = missing(System.getenv());
        if (add.isEmpty() || System.getenv(MARKER) != null) {
            return;
        }
        List<String> command = childCommand(javaBinary(), org.eesim.cli.Classpath.ofThisJvm(), System.getProperties(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), mainClass.getName(), args);
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO()
                .directory(Path.of(System.getProperty("user.dir")).toFile());
        pb.environment().putAll(add);
        pb.environment().put(MARKER, "1");
        int status;
        try {
            Process child = pb.start();
            status = waitFor(child);
        } catch (IOException e) {
            System.err.println("eesim-models: cannot start a JVM with " + add + " (" + e.getMessage()
                    + "); set them yourself and run again");
            status = 2;
        }
        System.exit(status);
    }

    private static int waitFor(Process child) {
        Thread stop = new Thread(child::destroy, "stop-child-jvm");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                child.destroy();
            }
        }
    }

    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code java [heap options] [-Dai.djl.*] -cp CP mainClass args...}. */
    static List<String> childCommand(String java, String classPath, Properties properties, List<String> jvmArguments,
            String mainClass, String[] args) {
        List<String> c = new ArrayList<>();
        c.add(java);
        for (String a : jvmArguments) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xss")) {
                c.add(a);
            }
        }
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (name.startsWith("ai.djl.")) {
                c.add("-D" + name + "=" + properties.getProperty(name));
            }
        }
        c.add("-cp");
        c.add(classPath);
        c.add(mainClass);
        c.addAll(Arrays.asList(args));
        return c;
    }

    /** Whether oneDNN is kept below AVX-512 by the environment of this JVM. */
    public static boolean capped() {
        String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
        if (isa == null) {
            isa = System.getenv("DNNL_MAX_CPU_ISA");
        }
        if (isa == null) {
            return false;
        }
        String u = isa.toUpperCase(Locale.ROOT);
        return !u.startsWith("AVX512") && !u.startsWith("AVX10") && !u.contains("AMX") && !u.equals("ALL");
    }

    /** A warning when this JVM runs PyTorch on an AVX-512 CPU without the cap; null when all is well. */
    public static String warning() {
        if (capped() || !cpuFlags().contains("avx512f")) {
            return null;
        }
        return "warning: oneDNN may use AVX-512 here (" + settings() + "); " + HINT;
    }

    /** The engine ISA settings of this JVM, for a profile's provenance. */
    public static String settings() {
        StringBuilder b = new StringBuilder();
        for (String v : REPORTED) {
            String value = System.getenv(v);
            b.append(v).append('=').append(value == null ? "(unset)" : value).append(", ");
        }
        Set<String> flags = cpuFlags();
        b.append("CPU flags: ");
        for (String f : List.of("avx2", "avx512f", "avx512_vnni", "avx512_bf16", "amx_tile")) {
            b.append(f).append(flags.contains(f) ? " yes" : " no").append(", ");
        }
        b.append("oneDNN ISA: ").append(capped() ? "at most AVX2 (capped by the environment)"
                : flags.contains("avx512f") ? "AVX-512 (not capped)" : "the CPU's best (no AVX-512 on this CPU)");
        return b.toString();
    }

    static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return new TreeSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return Set.of();
    }
}
