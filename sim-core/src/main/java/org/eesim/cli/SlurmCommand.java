package org.eesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.concurrent.Callable;

import org.eesim.runner.PlanCheck;
import org.eesim.sweep.SweepPlan;
import org.eesim.yaml.ProblemsException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eesim slurm FILE --shards n}: a SLURM batch script whose job array runs the n shards of
 * the scenario; {@code eesim merge FILE} joins them afterwards.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Write a SLURM batch script: a job array over the shards of a scenario.",
        "Submit it with sbatch; when every task is done, join the shards with 'eesim merge FILE'."})
final class SlurmCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
    Path file;

    @Option(names = "--shards", required = true, description = "number of shards (array tasks)")
    int shards;

    @Option(names = "--partition", description = "SLURM partition (default: the cluster's default)")
    String partition;

    @Option(names = "--time", description = "time limit per task, e.g. 01:00:00 (default: ${DEFAULT-VALUE})")
    String time = "01:00:00";

    @Option(names = "--mem", description = "memory per task, e.g. 2G (default: ${DEFAULT-VALUE})")
    String mem = "2G";

    @Option(names = "--cpus", description = "cores per task, used as threads (default: ${DEFAULT-VALUE})")
    int cpus = 1;

    @Option(names = "--launcher", description = "command that starts eesim on the nodes (default: this"
            + " checkout's ./eesim, with this JVM's java; without a built checkout, this JVM's java with its"
            + " class path and org.eesim.cli.Main)")
    String launcher;

    @Option(names = PlanCheck.FORCE, description = "write the job even for a plan refused as absurd; its tasks"
            + " run with " + PlanCheck.FORCE + " too")
    boolean force;

    @Option(names = {"-o", "--output"}, description = "write the script here (default: standard output)")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, ProblemsException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SweepPlan plan = SweepPlan.read(file); // problems: reported by Main's handler, status 2
        if (shards < 1 || cpus < 1) {
            err.println("--shards and --cpus must be at least 1");
            err.flush();
            return Main.USER_ERROR;
        }
        if (Main.check(plan, force, err) == null) {
            return Main.USER_ERROR; // refused now, not in every task of the array
        }
        // SLURM opens each task's log before the script runs: the folder must exist already.
        try {
            Files.createDirectories(logs(plan));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the folder for the tasks' logs", e);
        }
        String script = script(plan);
        if (output == null) {
            out.print(script);
        } else {
            try {
                Files.writeString(output, script);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the job script", e);
            }
            if (!output.toFile().setExecutable(true)) {
                err.println("note: could not mark " + output + " executable");
            }
            out.printf("%s: %d shards of %s; submit with: sbatch %s%n", output, shards, Main.size(plan), output);
        }
        out.flush();
        return 0;
    }

    String script(SweepPlan plan) {
        Path checkout = launcher != null ? null : checkoutLauncher(codeSource());
        String eesim = launcher != null ? launcher : checkout != null ? quote(checkout.toString()) : defaultLauncher();
        Path scenario = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        Path logs = logs(plan);
        String run = eesim + " run " + quote(scenario.toString())
                + " --shard \"${SLURM_ARRAY_TASK_ID}/" + shards + "\" --threads \"${SLURM_CPUS_PER_TASK:-" + cpus
                + "}\"" + (force ? " " + PlanCheck.FORCE : "");
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n");
        b.append("# eesim: ").append(Main.size(plan)).append(" of ").append(scenario.getFileName())
                .append(" in ").append(shards).append(" shards (plan ").append(plan.sha256(), 0, 8).append(").\n");
        b.append("# Submit: sbatch THIS_FILE. A task stopped by its time limit resumes when resubmitted.\n");
        b.append("# Then join the shards into ").append(plan.folder()).append(":\n");
        b.append("#   cd ").append(quote(cwd.toString())).append(" && ")
                .append(eesim).append(" merge ")
                .append(quote(scenario.toString())).append('\n');
        b.append("#SBATCH --job-name=eesim-").append(plan.folderName()).append('\n');
        b.append("#SBATCH --array=0-").append(shards - 1).append('\n');
        if (partition != null) {
            b.append("#SBATCH --partition=").append(partition).append('\n');
        }
        b.append("#SBATCH --time=").append(time).append('\n');
        b.append("#SBATCH --mem=").append(mem).append('\n');
        b.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        b.append("#SBATCH --ntasks=1\n");
        b.append("#SBATCH --output=").append(logs).append("/%A_%a.out\n");
        b.append("set -euo pipefail\n");
        b.append("mkdir -p ").append(quote(logs.toString())).append('\n');
        b.append("cd ").append(quote(cwd.toString())).append('\n');
        if (checkout != null) {
            b.append("export JAVA_HOME=").append(quote(System.getProperty("java.home")))
                    .append("  # the java that wrote this script\n");
        }
        b.append("exec ").append(run).append('\n');
        return b.toString();
    }

    /** Where the tasks' logs go: {@code <folder>-slurm/<job>_<task>.out} beside the results. */
    static Path logs(SweepPlan plan) {
        return plan.folder().toAbsolutePath().resolveSibling(plan.folderName() + "-slurm");
    }

    /**
     * The checkout's {@code ./eesim} when {@code codeSource} (where these classes were loaded from:
     * {@code ROOT/sim-core/target/classes} or the module's jar beside it) lies in a checkout whose
     * build the launcher can start (it wrote {@code target/classpath.txt}); null otherwise.
     */
    static Path checkoutLauncher(Path codeSource) {
        Path target = codeSource == null ? null : codeSource.toAbsolutePath().normalize().getParent();
        if (target == null || target.getParent() == null || target.getParent().getParent() == null
                || !target.getFileName().toString().equals("target")) {
            return null;
        }
        Path eesim = target.getParent().getParent().resolve("eesim");
        return Files.isRegularFile(eesim) && Files.isExecutable(eesim)
                && Files.isRegularFile(target.resolve("classpath.txt")) ? eesim : null;
    }

    private static Path codeSource() {
        CodeSource source = SlurmCommand.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null; // not loaded from a local file: no checkout to find
        }
    }

    /** This JVM's java and classpath: under {@code mvn exec:java} the project's class loader knows it. */
    static String defaultLauncher() {
        return quote(Classpath.java()) + " -cp " + quote(Classpath.ofThisJvm()) + " org.eesim.cli.Main";
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
