package org.eesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.eesim.results.ResultsConflict;
import org.eesim.results.RunFolder;
import org.eesim.runner.PlanCheck;
import org.eesim.runner.SweepRunner;
import org.eesim.sweep.Run;
import org.eesim.sweep.SweepPlan;
import org.eesim.yaml.ProblemsException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eesim run FILE}: every run of the scenario's points (or of one shard) into its results
 * folder; run again after a stop, it goes on where it stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Simulate a scenario (every point of its sweep) into its results folder.",
        "Run the same command again after a stop (Ctrl-C, kill, time limit) to resume."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file")
    Path file;

    @Option(names = "--threads", description = "runs in parallel (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "no progress report (a bar on a terminal, else a line per tenth of"
            + " the runs or per minute)")
    boolean quiet;

    @Option(names = "--shard", paramLabel = "i/n",
            description = "run only shard i (0-based) of n into its own folder; join them with 'eesim merge'")
    String shard;

    @Option(names = PlanCheck.FORCE, description = "run even a plan refused as absurd (a replication spanning more"
            + " than 1e9 s of simulated time or creating more than 1e10 requests, or measuring nothing)")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ProblemsException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SweepPlan plan = SweepPlan.read(file); // problems: reported by Main's handler, status 2
        int[] sh = shard == null ? null : parseShard(shard);
        if (shard != null && sh == null) {
            err.println("--shard " + shard + ": expected i/n with 0 <= i < n, e.g. 0/4; nothing was run.");
            err.flush();
            return Main.USER_ERROR;
        }
        PlanCheck check = Main.check(plan, force, err);
        if (check == null) {
            return Main.USER_ERROR;
        }
        List<Run> slice = sh == null ? plan.runs() : plan.shard(sh[0], sh[1]);
        Path dir = sh == null ? plan.folder() : RunFolder.shardDir(plan, sh[0], sh[1]);
        RunFolder folder;
        try {
            folder = RunFolder.prepare(plan, dir, shard, slice, check.warnings(), Instant.now());
        } catch (ResultsConflict e) {
            err.println(e.getMessage());
            err.flush();
            return Main.USER_ERROR;
        }
        var first = plan.points().get(0).scenario();
        out.printf("eesim %s: %s, profile %s, %s%s on %d threads%nresults: %s%n", RunFolder.version(),
                first.name(), first.profileName(), Main.size(plan),
                sh == null ? "" : ", shard " + shard + " (" + slice.size() + " runs)", threads, dir);
        out.flush();
        int ran;
        // A bar on a terminal; in a log file its redrawn frames would pile up on one line.
        try (Bar bar = quiet || System.console() == null ? null : new Bar(err)) {
            SweepRunner.Progress progress = bar != null ? bar
                    : quiet ? SweepRunner.Progress.NONE : new ProgressLines(err, System::nanoTime);
            ran = SweepRunner.run(folder, threads, progress);
        } catch (ResultsConflict e) {
            err.println(e.getMessage());
            err.flush();
            return Main.USER_ERROR;
        }
        if (ran < slice.size()) {
            out.printf("resumed: %d of %d runs were done already%n", slice.size() - ran, slice.size());
        }
        List<String> summary = folder.finish(Instant.now(), threads);
        SummaryTable.print(plan, summary, out);
        out.println("results: " + dir);
        out.flush();
        return 0;
    }

    /** {@code i/n} as {@code [i, n]}, or null when malformed or out of range. */
    static int[] parseShard(String s) {
        String[] p = s.split("/");
        try {
            int i = Integer.parseInt(p[0].strip());
            int n = Integer.parseInt(p[1].strip());
            return p.length == 2 && n >= 1 && i >= 0 && i < n ? new int[] {i, n} : null;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }
}
