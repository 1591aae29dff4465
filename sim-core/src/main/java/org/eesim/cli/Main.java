package org.eesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.eesim.results.RunFolder;
import org.eesim.runner.PlanCheck;
import org.eesim.scenario.Scenario;
import org.eesim.sweep.SweepPlan;
import org.eesim.yaml.Problem;
import org.eesim.yaml.ProblemsException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The {@code eesim} command line: {@code validate}, {@code run}, {@code merge}, {@code slurm} and {@code import-profile}. User errors (a bad scenario,
 * a missing file) print located messages and exit with status 2, a file that cannot be read or written one
 * line {@code error: ...} and status 1; never a stack trace.
 */
@Command(name = "eesim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Discrete-event simulation of edge-cloud offloading for early-exit DNNs.",
        subcommands = {Main.Validate.class, RunCommand.class, MergeCommand.class, SlurmCommand.class,
            ImportProfileCommand.class})
public final class Main implements Runnable {

    /** Exit status for a problem in the user's input. */
    public static final int USER_ERROR = 2;

    /** Exit status for a file that could not be read or written. */
    public static final int IO_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line writing to the given streams (for tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    private static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ProblemsException problems) {
                return report(problems, cmd.getErr()); // a bad scenario, whichever command read it
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof org.eesim.sim.RunAborted aborted) {
                    // the runs recorded before stay in the folder; this one and those after it did not run
                    cmd.getErr().println("error: " + aborted.getMessage());
                    cmd.getErr().flush();
                    return USER_ERROR;
                }
            }
            String message = IoErrors.message(e);
            if (message == null) {
                throw e; // a bug, not the user's files: keep the stack trace
            }
            cmd.getErr().println("error: " + message);
            cmd.getErr().flush();
            return IO_ERROR;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code eesim 0.1.0}: the version every command's {@code --version} prints (also analysis' and models'). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"eesim " + RunFolder.version()};
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

    /**
     * The plan's {@link PlanCheck}: warnings printed to {@code err}; null, after printing them
     * as problems, when the plan is refused and not {@code forced}.
     */
    static PlanCheck check(SweepPlan plan, boolean forced, PrintWriter err) {
        PlanCheck check = PlanCheck.of(plan);
        for (String w : check.warnings()) {
            err.println(plan.file() + ": warning: " + w);
        }
        if (!check.refusals().isEmpty() && !forced) {
            report(new ProblemsException(check.refusals()), err);
            return null;
        }
        err.flush();
        return check;
    }

    /** {@code 10 replications}, or for a sweep {@code 12 points x 10 replications = 120 runs}. */
    static String size(SweepPlan plan) {
        int runs = plan.runs().size();
        int points = plan.points().size();
        if (!plan.isSweep()) {
            return count(runs, "replication");
        }
        boolean even = runs % points == 0 && plan.points().stream().allMatch(p -> p.replications() == runs / points);
        return count(points, "point") + " x " + (even ? count(runs / points, "replication") : "their replications")
                + " = " + count(runs, "run");
    }

    /** {@code 1 exit}, {@code 3 exits}: a count and its noun, plural unless the count is one. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "Check scenario files (every point of a sweep) and the profiles they"
            + " name; run nothing.")
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
                    SweepPlan plan = SweepPlan.read(f);
                    Scenario s = plan.points().get(0).scenario();
                    if (check(plan, false, err) == null) {
                        status = USER_ERROR;
                        continue;
                    }
                    if (s.isTraining()) {
                        var tp = s.training().profile();
                        out.printf("%s: ok (training profile %s: %s, %s, batch %d; %s)%n", f, tp.name(),
                                count(tp.layers(), "layer"), count(tp.splits().size(), "split"), tp.batchSize(),
                                size(plan));
                    } else {
                        out.printf("%s: ok (profile %s: %s, %s; %s)%n", f, s.profile().name(),
                                count(s.profile().layers().size(), "layer"), count(s.profile().exitCount(), "exit"),
                                size(plan));
                    }
                } catch (ProblemsException e) {
                    status = report(e, err);
                }
            }
            out.flush();
            return status;
        }
    }
}
