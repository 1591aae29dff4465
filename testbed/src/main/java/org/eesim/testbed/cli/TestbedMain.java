package org.eesim.testbed.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.eesim.testbed.net.Fabric;
import org.eesim.testbed.net.Kernel;
import org.eesim.testbed.run.TestbedFile;
import org.eesim.testbed.run.TestbedRunner;
import org.eesim.units.Units;
import org.eesim.yaml.ProblemsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eesim testbed}: run a deployment, calibrate the simulator on it, compare, clean up. */
@Command(name = "eesim testbed", mixinStandardHelpOptions = true,
        description = "A real edge-cloud deployment of an early-exit network on kernel-shaped links (root, Linux).",
        subcommands = {TestbedMain.PrepareCmd.class, TestbedMain.CalibrateCmd.class, TestbedMain.RunCmd.class, TestbedMain.CompareCmd.class, TestbedMain.CleanupCmd.class, TestbedMain.CheckCmd.class})
public final class TestbedMain implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Measure every point and replication of a testbed file's scenario into an eesim results"
                    + " folder (resumes where a stopped run left off)."})
    static final class RunCmd implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "testbed file (e.g. testbed/validation-4mbps.yaml)")
        Path file;
        @Option(names = "--out", defaultValue = "results/testbed", description = "results root (default ${DEFAULT-VALUE})")
        Path out;
        @Option(names = "--budget", paramLabel = "TIME", description = "start no run that would end after this"
                + " (e.g. 12 min); run the command again to go on")
        String budget;

        @Override
        public Integer call() throws Exception {
            requireKernel();
            double b = budget == null ? 0 : Units.parse(budget, Units.Kind.TIME);
            int left = new TestbedRunner(TestbedFile.read(file), System.out).run(out, b);
            return left == 0 ? 0 : 3;
        }
    }

    @Command(name = "prepare", mixinStandardHelpOptions = true,
            description = "Train the testbed file's network and trace it (its weights and traces profile), unless"
                    + " both exist; 'run' does this too when needed.")
    static final class PrepareCmd implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "testbed file")
        Path file;

        @Override
        public Integer call() throws Exception {
            TestbedRunner.prepare(TestbedFile.read(file), System.out);
            return 0;
        }
    }

    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = {"Measure what the simulator needs about the deployment (link rates and delays, bytes on"
                    + " the wire, per-message costs, every layer's time at its tier), for every uplink rate the"
                    + " given testbed files use, into the first file's calibration.out (a profile folder with"
                    + " calibration.yaml). Separate from the validation runs: nothing is fitted to them."})
    static final class CalibrateCmd implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "testbed files")
        List<Path> files;
        @Option(names = "--reanalyse", description = "compute the settings again from the last calibration's"
                + " measurements (kept under the network's dir/calibration-logs), running nothing")
        boolean reanalyse;

        @Override
        public Integer call() throws Exception {
            if (!reanalyse) {
                requireKernel();
            }
            List<TestbedFile> tfs = readAll(files);
            new org.eesim.testbed.run.Calibrator(tfs, System.out, reanalyse).run();
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Simulate each testbed file's scenario on its calibration and write measured against"
                    + " simulated, point by point, with the relative errors and the targets (mean 5%, p95 10%, P_off"
                    + " inside the measured interval), into OUT/comparison[-TAG]/."})
    static final class CompareCmd implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "testbed files, each measured to the end")
        List<Path> files;
        @Option(names = "--out", defaultValue = "results/testbed", description = "results root (default ${DEFAULT-VALUE})")
        Path out;
        @Option(names = "--without", split = ",", description = "mechanisms to leave out of the simulation:"
                + " answer, burst, framing, per_message, message_spread")
        List<String> without = new java.util.ArrayList<>();
        @Option(names = "--with", split = ",", description = "mechanisms to add that are off by default: in_flight")
        List<String> with = new java.util.ArrayList<>();
        @Option(names = "--replications", defaultValue = "30", description = "simulated replications per point"
                + " (default ${DEFAULT-VALUE})")
        int replications;
        @Option(names = "--threads", defaultValue = "2")
        int threads;
        @Option(names = "--check", paramLabel = "MEAN,P95", split = ",", description = "exit with status 5 unless every"
                + " point's mean and p95 latency are within these relative errors (e.g. 0.15,0.25) and its simulated"
                + " P_off inside the measured interval")
        List<Double> check = new java.util.ArrayList<>();

        @Override
        public Integer call() throws Exception {
            known("--without", without, org.eesim.testbed.run.Comparison.mechanisms());
            known("--with", with, org.eesim.testbed.run.Comparison.optional());
            List<TestbedFile> tfs = readAll(files);
            String tag = ((without.isEmpty() ? "" : "without-" + String.join("-", without))
                    + (without.isEmpty() || with.isEmpty() ? "" : "-") + (with.isEmpty() ? "" : "with-" + String.join("-", with)))
                    .replace('_', '-');
            var c = new org.eesim.testbed.run.Comparison(tfs, out, System.out);
            c.run(new java.util.TreeSet<>(without), new java.util.TreeSet<>(with), replications, threads, tag);
            if (check.isEmpty()) {
                return 0;
            }
            if (check.size() != 2) {
                throw new IllegalArgumentException("--check takes two tolerances: MEAN,P95 (e.g. 0.15,0.25)");
            }
            List<String> misses = c.misses(check.get(0), check.get(1));
            misses.forEach(m -> System.out.println("outside the tolerance: " + m));
            if (!misses.isEmpty()) {
                c.disturbances().forEach(m -> System.out.println("busy machine: " + m
                        + "; measure on a quiet machine before reading a miss as the model's"));
            }
            System.out.println(misses.isEmpty() ? "agreement within the tolerances (mean " + check.get(0) + ", p95 "
                    + check.get(1) + ")" : misses.size() + " point(s) outside the tolerances");
            return misses.isEmpty() ? 0 : 5;
        }
    }

    private static List<TestbedFile> readAll(List<Path> files) throws org.eesim.yaml.ProblemsException {
        List<TestbedFile> tfs = new java.util.ArrayList<>();
        for (Path f : files) {
            tfs.add(TestbedFile.read(f));
        }
        return tfs;
    }

    /** Refuses a mechanism {@code option} names that is not one of {@code allowed}. */
    private static void known(String option, List<String> given, List<String> allowed) {
        for (String g : given) {
            if (!allowed.contains(g)) {
                throw new IllegalArgumentException(option + " takes " + allowed + ", not " + g);
            }
        }
    }

    @Command(name = "cleanup", mixinStandardHelpOptions = true,
            description = "Remove the namespaces, links, qdiscs, processes and cgroups of testbed runs that are no"
                    + " longer running (all of them with --all). Safe to run at any time.")
    static final class CleanupCmd implements Callable<Integer> {
        @Option(names = "--all", description = "also those of runs still going")
        boolean all;

        @Override
        public Integer call() {
            List<String> removed = Fabric.cleanup(all);
            removed.forEach(r -> System.out.println("removed " + r));
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Say whether this kernel offers what a deployment needs (status 0 yes, 4 no).")
    static final class CheckCmd implements Callable<Integer> {
        @Override
        public Integer call() {
            Kernel k = Kernel.probe();
            System.out.println("network namespaces and veth: " + (k.namespaces() ? "yes" : "no"));
            System.out.println("tc tbf: " + (k.tbf() ? "yes" : "no"));
            System.out.println("tc netem: " + (k.netem() ? "yes" : "no (delay by a relay process)"));
            System.out.println("cgroup CPU quota: " + (org.eesim.testbed.net.Cgroup.available() ? "yes" : "no"));
            if (!k.usable()) {
                System.out.println("missing: " + k.missing());
            }
            return k.usable() ? 0 : 4;
        }
    }

    static void requireKernel() {
        Kernel k = Kernel.probe();
        if (!k.usable()) {
            throw new IllegalStateException("this machine cannot host a deployment: " + k.missing());
        }
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new TestbedMain());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ProblemsException p) {
                p.problems().forEach(x -> System.err.println(x));
                return 2;
            }
            System.err.println("error: " + e.getMessage());
            if (System.getenv("EESIM_DEBUG") != null) {
                e.printStackTrace();
            }
            return 1;
        });
        System.exit(cl.execute(args));
    }
}
