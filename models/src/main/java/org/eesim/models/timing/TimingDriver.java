package org.eesim.models.timing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eesim.models.engine.EngineEnvironment;

/**
 * Runs each timing in a fresh JVM of its own: {@code [taskset -c CORE] java -XX:+UseSerialGC
 * -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -Dai.djl.offline=true
 * -cp CP org.eesim.models.cli.ModelsMain time --child ARGS}, with oneDNN capped at AVX2 (issue
 * 10). One JVM per profile means no profile is timed in a JVM that trained, traced or timed
 * something else first (JIT state, heap, allocator caches); pinning keeps the engine's one thread
 * on one core, so the scheduler cannot move it between caches.
 */
public final class TimingDriver {

    /** Set in the child: how it was pinned ("taskset -c 1"), or why not. */
    public static final String PINNED = "EESIM_TIMING_PINNED";

    /** The child's marker option (hidden). */
    public static final String CHILD = "--child";

    private TimingDriver() {
    }

    /** Whether this JVM is the child. */
    public static boolean isChild(String[] args) {
        return Arrays.asList(args).contains(CHILD);
    }

    /** Runs {@code args} (after "time") in the child and returns its exit status. */
    public static int runChild(Class<?> mainClass, String[] args, int core) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String pinned;
        Path taskset = onPath("taskset");
        int cpus = onlineCpus();
        if (core < 0) {
            pinned = "not pinned (--core -1)";
        } else if (taskset == null) {
            pinned = "not pinned: taskset not found on PATH (util-linux)";
        } else if (core >= cpus) {
            throw new IllegalArgumentException("--core " + core + ": this machine has CPUs 0.." + (cpus - 1));
        } else {
            command.addAll(List.of(taskset.toString(), "-c", Integer.toString(core)));
            pinned = "taskset -c " + core;
        }
        command.add(EngineEnvironment.javaBinary());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xms")) {
                command.add(a);
            }
        }
        command.addAll(List.of("-XX:+UseSerialGC", "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1", "-Dai.djl.offline=true", "-cp",
                org.eesim.cli.Classpath.ofThisJvm(), mainClass.getName()));
        command.addAll(Arrays.asList(args));
        if (Arrays.stream(args).noneMatch(a -> a.equals("--core") || a.startsWith("--core="))) {
            // the child, pinned to one CPU, would see one CPU and choose another default
            command.addAll(List.of("--core", Integer.toString(core)));
        }
        command.add(CHILD);
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO()
                .directory(Path.of(System.getProperty("user.dir")).toFile());
        Map<String, String> env = pb.environment();
        EngineEnvironment.REQUIRED.forEach(env::putIfAbsent);
        env.put(EngineEnvironment.MARKER, "1");
        env.put(PINNED, pinned);
        System.err.println("eesim-models time: a fresh JVM, " + pinned);
        Process child = pb.start();
        Thread stop = new Thread(child::destroy, "stop-timing-jvm");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return child.waitFor();
        } finally {
            Runtime.getRuntime().removeShutdownHook(stop);
        }
    }

    /** Logical CPUs of the machine (/proc/cpuinfo), not those this JVM may use. */
    public static int onlineCpus() {
        try {
            int n = (int) Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor"))
                    .count();
            return n > 0 ? n : Runtime.getRuntime().availableProcessors();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
