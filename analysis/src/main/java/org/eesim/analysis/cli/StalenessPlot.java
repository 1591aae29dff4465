package org.eesim.analysis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eesim.analysis.figures.Figure;
import org.eesim.analysis.figures.StalenessCurves;
import org.eesim.analysis.results.ResultsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eesim plot staleness DIR}: the staleness-accuracy figures and table from the CSVs of
 * {@code eesim-models split-train} (issue 13).
 */
@Command(name = "staleness", mixinStandardHelpOptions = true, versionProvider = Charts.Version.class,
        description = "Split training's accuracy against epoch per configuration (K, int8, error feedback), the"
                + " paired difference to the synchronous fp32 run, and a Markdown table, from split-train CSVs.")
public final class StalenessPlot implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "folder of split-train CSVs")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "figures go here (default: DIR/figures)")
    Path out;

    @Option(names = "--prefix", defaultValue = "staleness", description = "file name prefix (default ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--targets", split = ",", defaultValue = "0.85,0.88,0.9",
            description = "accuracies for the table's epochs-to-target columns")
    List<Double> targets = new ArrayList<>();

    @Option(names = "--time-to-accuracy", paramLabel = "CSV",
            description = "also draw minutes to --time-target against bandwidth from this CSV of"
                    + " models/results/staleness/time_to_accuracy.py (fp32 runs and int8 with the seed's error feedback)")
    Path timeToAccuracy;

    @Option(names = "--time-target", defaultValue = "0.87", description = "the target of that figure (default ${DEFAULT-VALUE})")
    double timeTarget;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StalenessPlot()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            List<StalenessCurves.Run> runs = StalenessCurves.read(dir);
            Path to = out == null ? dir.resolve("figures") : out;
            Files.createDirectories(to);
            long firstSeed = runs.stream().mapToLong(StalenessCurves.Run::seed).min().orElse(1);
            List<Figure> figures = new ArrayList<>(List.of(
                    StalenessCurves.accuracy(prefix + "-accuracy", runs, r -> r.seed() == firstSeed
                            && r.features().equals("fp32")),
                    StalenessCurves.difference(prefix + "-difference-fp32", runs, r -> r.features().equals("fp32")),
                    StalenessCurves.difference(prefix + "-difference-int8", runs, r -> r.seed() == firstSeed
                            && !r.features().equals("fp32"))));
            if (timeToAccuracy != null) {
                figures.add(StalenessCurves.timeToAccuracy(prefix + "-time-to-accuracy", timeToAccuracy, timeTarget,
                        c -> c.contains("fp32") || c.contains("gradient EF")));
            }
            for (Figure f : figures) {
                if (f.data().rows().isEmpty()) {
                    err.println("eesim plot staleness: no runs for " + f.name() + ", not drawn");
                    continue;
                }
                for (Path p : f.writeTo(to)) {
                    System.out.println(p);
                }
            }
            double[] t = targets.stream().mapToDouble(Double::doubleValue).toArray();
            Path table = to.resolve(prefix + "-table.md");
            Files.writeString(table, StalenessCurves.markdown(runs, t));
            System.out.println(table);
            return 0;
        } catch (ResultsException | IllegalArgumentException e) {
            err.println("eesim plot staleness: " + e.getMessage());
            return 2;
        }
    }
}
