package org.eesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.eesim.results.ResultsWriter;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.ScenarioReader;
import org.eesim.scenario.ScenarioWriter;
import org.eesim.sim.Experiment;
import org.eesim.sim.ReplicationRunner;
import org.eesim.stats.Summary;
import org.eesim.yaml.Problem;
import org.eesim.yaml.ProblemsException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code eesim} command line: {@code validate} and {@code run}. User errors (a bad scenario,
 * a missing file) print located messages and exit with status 2, never a stack trace.
 */
@Command(name = "eesim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Discrete-event simulation of edge-cloud offloading for early-exit DNNs.",
        subcommands = {Main.Validate.class, Main.Run.class})
public final class Main implements Runnable {

    /** Exit status for a problem in the user's input. */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** Runs the command line writing to the given streams (for tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"eesim " + ResultsWriter.version()};
        }
    }

    /** Prints every problem, one per line, to the error stream. */
    static int report(ProblemsException e, PrintWriter err) {
        for (Problem p : e.problems()) {
            err.println(p);
        }
        err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                + "; nothing was run.");
        err.flush();
        return USER_ERROR;
    }

    @Command(name = "validate", description = "Check scenario files and the profiles they name; run nothing.")
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario YAML files")
        List<Path> files;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int status = 0;
            for (Path f : files) {
                try {
                    Scenario s = ScenarioReader.read(f);
                    out.printf("%s: ok (profile %s: %d layers, %d exits; %d replications)%n", f, s.profile().name(),
                            s.profile().layers().size(), s.profile().exitCount(), s.run().replications());
                } catch (ProblemsException e) {
                    status = report(e, err);
                }
            }
            out.flush();
            return status;
        }
    }

    @Command(name = "run", description = "Simulate a scenario and write its results folder.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
        Path file;

        @Option(names = "--threads", description = "replications run in parallel (default: all cores)")
        int threads = Runtime.getRuntime().availableProcessors();

        @Option(names = "--quiet", description = "no progress lines")
        boolean quiet;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Scenario s;
            try {
                s = ScenarioReader.read(file);
            } catch (ProblemsException e) {
                return report(e, err);
            }
            Instant started = Instant.now();
            Path target = ResultsWriter.folderFor(s, started);
            if (target.toFile().exists()) {
                err.println(file + " output.name: results folder " + target
                        + " exists already; choose another name or move it away; nothing was run.");
                err.flush();
                return USER_ERROR;
            }
            int reps = s.run().replications();
            out.printf("eesim %s: %s, profile %s, %d replications on %d threads%n", ResultsWriter.version(), s.name(),
                    s.profile().name(), reps, Math.min(threads, reps));
            out.flush();
            int[] done = {0};
            List<ReplicationRunner.Outcome> outcomes = Experiment.run(s, threads, o -> {
                done[0]++;
                if (!quiet) {
                    err.printf("  replication %d done (%d/%d): mean latency %.4f s%n", o.replication(), done[0], reps,
                            o.metrics().get("latency.mean"));
                    err.flush();
                }
            });
            List<Summary> summaries = Experiment.summarise(outcomes);
            Path written = ResultsWriter.write(s, outcomes, summaries,
                    new ResultsWriter.RunInfo(started, Instant.now(), threads, ScenarioWriter.toYaml(s)));
            SummaryTable.print(summaries, out);
            out.println("results: " + written);
            out.flush();
            return 0;
        }
    }
}
