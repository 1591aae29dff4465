package org.eesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eesim.results.ResultsConflict;
import org.eesim.results.RunFolder;
import org.eesim.runner.Merge;
import org.eesim.sweep.Run;
import org.eesim.sweep.SweepPlan;
import org.eesim.yaml.ProblemsException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code eesim merge FILE [SHARD...]}: joins the folders that {@code run --shard i/n} wrote into
 * the scenario's own results folder, as if it had run in one piece.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Join the shard folders of a scenario into its results folder,"
        + " recomputing summaries and intervals.",
        "Without SHARD folders, takes every <folder>-shard-i-of-n beside the scenario's results folder."})
final class MergeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the scenario YAML file the shards ran")
    Path file;

    @Parameters(index = "1..*", paramLabel = "SHARD", description = "shard folders (default: found by name)")
    List<Path> shards = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ProblemsException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SweepPlan plan = SweepPlan.read(file); // problems: reported by Main's handler, status 2
        try {
            List<Path> from = shards.isEmpty() ? find(plan) : shards;
            RunFolder target = RunFolder.prepare(plan, plan.folder(), null, plan.runs(), Instant.now());
            List<Run> missing = Merge.into(target, from);
            if (!missing.isEmpty()) {
                err.printf("%d of %d runs are in no shard (first: point %d, replication %d): is every shard"
                        + " finished? The runs found are kept in %s; merge again when the rest are done.%n",
                        missing.size(), plan.runs().size(), missing.get(0).point(), missing.get(0).replication(),
                        plan.folder());
                err.flush();
                return 1;
            }
            List<String> summary = target.finish(Instant.now(), 0);
            out.printf("merged %d shard folders: %s%n", from.size(), Main.size(plan));
            SummaryTable.print(plan, summary, out);
            out.println("results: " + plan.folder());
            out.flush();
            return 0;
        } catch (ResultsConflict e) {
            err.println(e.getMessage());
            err.flush();
            return Main.USER_ERROR;
        }
    }

    /** The {@code <folder>-shard-i-of-n} folders beside the plan's folder, all n of them. */
    static List<Path> find(SweepPlan plan) {
        Pattern name = Pattern.compile(Pattern.quote(plan.folderName()) + "-shard-(\\d+)-of-(\\d+)");
        TreeMap<Integer, Path> byIndex = new TreeMap<>();
        int count = -1;
        Path parent = plan.folder().toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            throw new ResultsConflict("no shard folders: " + parent + " does not exist; nothing was merged.");
        }
        try (Stream<Path> children = Files.list(parent)) {
            for (Path p : (Iterable<Path>) children::iterator) {
                Matcher m = name.matcher(p.getFileName().toString());
                if (m.matches()) {
                    int n = Integer.parseInt(m.group(2));
                    if (count != -1 && n != count) {
                        throw new ResultsConflict("shard folders of two cuttings (of " + count + " and of " + n
                                + ") in " + parent + ": name the ones to merge; nothing was merged.");
                    }
                    count = n;
                    byIndex.put(Integer.parseInt(m.group(1)), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the shard folders in " + parent, e);
        }
        if (count == -1) {
            throw new ResultsConflict("no " + plan.folderName() + "-shard-i-of-n folders in " + parent
                    + "; nothing was merged.");
        }
        for (int i = 0; i < count; i++) {
            if (!byIndex.containsKey(i)) {
                throw new ResultsConflict("shard " + i + " of " + count + " is missing in " + parent
                        + " (" + plan.folderName() + "-shard-" + i + "-of-" + count + "); nothing was merged.");
            }
        }
        return List.copyOf(byIndex.values());
    }
}
