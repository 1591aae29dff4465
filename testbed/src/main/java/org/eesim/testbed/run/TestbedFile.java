package org.eesim.testbed.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eesim.units.Units;
import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.ProblemsException;
import org.eesim.yaml.YamlNode;
import org.eesim.yaml.YamlTree;

/**
 * A testbed file: the eesim scenario whose points are measured (and later simulated), the
 * trained network the servers run (and the models command that makes its weights and traces
 * when they are missing), and how the processes sit on this machine. Read with sim-core's YAML
 * reader, so a mistake is reported as {@code FILE:LINE:COL key: reason}.
 *
 * @param file        this file
 * @param scenario    the scenario file (sweep allowed); its {@code profile} must be {@link #tracesProfile()}
 * @param name        the network's profile name
 * @param net         backbone family ({@code alexnet}, ...), as {@code eesim profile --net}
 * @param width       channel width multiplier
 * @param train       the rest of the {@code eesim profile} arguments that train and trace it
 * @param dir         where weights ({@code dir/weights/NAME}) and the traces profile ({@code dir/profiles/NAME}) go
 * @param cpus        CPUs per process role (device, edge, cloud, relays), as {@code taskset -c} lists
 * @param heap        each tier JVM's heap ({@code -Xms} = {@code -Xmx})
 * @param encoding    {@code binary} float32 or {@code json} float lists (seed 000)
 * @param burstBytes  the token bucket of every shaped direction
 * @param warmupSeconds JIT warm-up of each new deployment, at the first point's load, measured by nothing
 * @param drainSeconds  how long a run waits for its last answers
 * @param calibration the calibration run's settings
 * @param foreignCpuLimit cores other processes may take during a measured run before it is measured again
 */
public record TestbedFile(Path file, Path scenario, String name, String net, double width, List<String> train, Path dir,
                          Map<String, String> cpus, String heap, String encoding, int burstBytes, double warmupSeconds,
                          double drainSeconds, Calibration calibration, double foreignCpuLimit) {

    /**
     * The calibration run: at {@code rate} requests per second in all (light: no queue), for
     * {@code seconds} per phase, with {@code probes} link probes of each size.
     */
    public record Calibration(double rate, double seconds, int probes, Path out) {
    }

    public Path weights() {
        return dir.resolve("weights").resolve(name).resolve("standard.params");
    }

    public Path tracesProfile() {
        return dir.resolve("profiles").resolve(name);
    }

    public static TestbedFile read(Path file) throws ProblemsException {
        Problems problems = new Problems();
        YamlNode root = YamlTree.parse(file, problems);
        problems.throwIfAny();
        Path base = file.toAbsolutePath().getParent();
        Fields f = Fields.of(root, problems, "scenario", "network", "processes", "warmup", "drain", "calibration",
                "foreign_cpu_limit");
        String scenario = f.string("scenario");
        Fields n = Fields.of(f.required("network"), problems, "name", "net", "width", "train", "dir");
        String name = n.string("name");
        String net = n.choice("net", List.of("tiny", "alexnet", "mobilenetv2", "resnet18"), "network", null);
        Double width = n.number("width", 1.0);
        String train = n.string("train", "");
        String dir = n.string("dir", "../target");
        Fields p = Fields.of(f.node("processes"), problems, "cpus", "heap", "encoding", "burst");
        Map<String, String> cpus = new LinkedHashMap<>(Map.of("device", "1", "edge", "0", "cloud", "1", "relays", "1"));
        if (p.has("cpus")) {
            Fields c = Fields.of(p.node("cpus"), problems, "device", "edge", "cloud", "relays");
            for (String role : List.of("device", "edge", "cloud", "relays")) {
                String v = c.string(role, cpus.get(role));
                if (v != null && !v.matches("[0-9]+([-,][0-9]+)*")) {
                    problems.add(c.node(role), "a CPU list as taskset -c takes it (0, 1, 0-1, 0,1), got '" + v + "'");
                } else if (v != null) {
                    cpus.put(role, v);
                }
            }
        }
        String heap = p.string("heap", "384m");
        if (heap != null && !heap.matches("[0-9]+[mMgG]")) {
            problems.add(p.node("heap"), "a JVM heap size such as 384m or 1g, got '" + heap + "'");
        }
        String encoding = p.choice("encoding", List.of("binary", "json"), "tensor encoding", "binary");
        Double burst = p.quantity("burst", Units.Kind.SIZE, 1600.0);
        if (burst != null && burst < 1514) {
            problems.add(p.node("burst"), "the token bucket must hold a full Ethernet frame (1514 B), else tbf drops"
                    + " full-size packets; got " + p.node("burst").describe());
        }
        Double warmup = f.quantity("warmup", Units.Kind.TIME, 20.0);
        Double drain = f.quantity("drain", Units.Kind.TIME, 30.0);
        Fields c = Fields.of(f.node("calibration"), problems, "rate", "duration", "probes", "out");
        Double rate = c.quantity("rate", Units.Kind.RATE, 5.0);
        Double seconds = c.quantity("duration", Units.Kind.TIME, 60.0);
        Integer probes = c.integer("probes", 30);
        String out = c.string("out", "../../profiles/testbed-" + (name == null ? "net" : name));
        if (rate != null && !(rate > 0)) {
            problems.add(c.node("rate"), "the calibration rate must be positive");
        }
        Double foreign = f.number("foreign_cpu_limit", 0.3);
        if (foreign != null && !(foreign > 0)) {
            problems.add(f.node("foreign_cpu_limit"), "cores other processes may take: a positive number, got "
                    + f.node("foreign_cpu_limit").describe());
        }
        problems.throwIfAny();
        List<String> args = train.isBlank() ? List.of() : List.of(train.strip().split("\\s+"));
        return new TestbedFile(file, base.resolve(scenario).normalize(), name, net, width, args,
                base.resolve(dir).normalize(), cpus, heap, encoding, (int) Math.round(burst), warmup, drain,
                new Calibration(rate, seconds, probes, base.resolve(out).normalize()), foreign);
    }
}
