package org.eesim.analysis.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eesim.analysis.figures.Figures;
import org.eesim.analysis.figures.Reference;
import org.eesim.analysis.results.ResultsException;
import org.eesim.analysis.results.ResultsFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eesim-plot FOLDER... [--x KEY] [--figures a,b] [--out DIR]}: figures and tables for
 * papers from results folders. User errors (bad files, unknown figure, a figure too crowded to
 * draw) print one line and exit 2.
 */
@Command(name = Charts.NAME, mixinStandardHelpOptions = true, versionProvider = Charts.Version.class,
        description = "Draws paper figures (PDF, SVG, PNG + CSV of the plotted numbers) and a"
                + " LaTeX summary table from eesim results folders.")
public final class Charts implements Callable<Integer> {

    /** The command's name, as help and version print it. */
    public static final String NAME = "eesim-plot";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", arity = "0..*", description = "results folders")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--latest", paramLabel = "DIR",
            description = "also take the newest results folder inside DIR (e.g. results)")
    Path latest;

    @Option(names = "--x", paramLabel = "KEY",
            description = "scenario key for the x axis of the 'vs X' figures (default for one"
                    + " sweep folder of one swept key: that key),"
                    + " e.g. early_exit.threshold or links.uplink.bandwidth")
    String x;

    @Option(names = "--x-label", paramLabel = "TEXT",
            description = "words for the x axis (the unit is added), default: the key")
    String xLabel;

    @Option(names = "--table-metrics", split = ",", paramLabel = "METRIC",
            description = "a sweep's summary.tex: one column per metric, e.g. offload.device_to_next,accuracy,"
                    + "latency.mean (default: those and latency.p95)")
    List<String> tableMetrics = new ArrayList<>();

    @Option(names = "--figures", split = ",", paramLabel = "NAME",
            description = "which to draw (default: all that apply): latency-cdf,"
                    + " exit-distribution, summary, offload-vs-x, latency-vs-x,"
                    + " accuracy-latency, resources-vs-x, difference-vs-x (common-seed sweeps), latency-energy,"
                    + " metric-vs-x (with --metric), partition-vs-x (runs with a policy);"
                    + " default: the run's output.figures")
    List<String> figures = new ArrayList<>();

    @Option(names = "--metric", split = ",", paramLabel = "METRIC",
            description = "metric-vs-x: the metrics of summary.csv to draw against x, one figure each"
                    + " (<metric>-vs-x), e.g. training.seconds_per_iteration,training.split.last")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder (default: FOLDER/figures for one folder,"
                    + " PARENT/figures for several)")
    Path out;

    @Option(names = "--points", split = ",", paramLabel = "ID",
            description = "draw only these sweep points (ids from points.csv), e.g. 0,3,6 for a"
                    + " latency CDF of chosen points")
    List<Integer> points = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "CSV",
            description = "published values to draw over the figures: figure,series,x,y"
                    + " (series as in the figure's CSV, y in its unit)")
    Path reference;

    @Option(names = "--two-column",
            description = "size figures for the full text width of a two-column paper (7.16 in,"
                    + " figure*) instead of one column (3.5 in)")
    boolean twoColumn;

    @Option(names = "--log-x", negatable = true,
            description = "log scale on every figure's x axis (--no-log-x: on none); default: on the"
                    + " 'vs X' figures when the sweep gave the x key a log_range")
    Boolean logX;

    @Option(names = "--stats", split = ",", paramLabel = "STAT",
            description = "latency statistics latency-vs-x draws: mean (with its 95%% CI band), p50,"
                    + " p95, p99, max; default: mean,p95,p99 for up to 3 series, else mean")
    List<String> stats = new ArrayList<>();

    @Option(names = "--y-label", paramLabel = "[FIGURE=]TEXT",
            description = "y axis title, of the one figure drawn or of FIGURE (resources-vs-x:"
                    + " 'TOP|BOTTOM'); repeatable")
    List<String> yLabels = new ArrayList<>();

    @Option(names = "--layers", paramLabel = "PROFILE",
            description = "draw a profile's per-layer time and output size (layers-NAME.*, into --out);"
                    + " repeatable; with no results folder, only these")
    List<Path> layerProfiles = new ArrayList<>();

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "draw the legend entry or bar OLD as NEW, e.g. --rename 'threshold 0.5=p_tar 0.5'"
                    + " (the CSV keeps OLD); repeatable")
    List<String> renames = new ArrayList<>();

    /** {@code eesim-plot <project version>}, from sim-core's filtered resource. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {NAME + " " + org.eesim.results.RunFolder.version()};
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command; returns the exit code (0 ok, 2 user error). */
    public static int run(String[] args, PrintWriter stdout, PrintWriter stderr) {
        CommandLine cl = new CommandLine(new Charts());
        cl.setOut(stdout);
        cl.setErr(stderr);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ResultsException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        List<ResultsFolder> opened = new ArrayList<>();
        for (Path f : folders) {
            opened.add(ResultsFolder.open(f));
        }
        if (latest != null) {
            opened.add(ResultsFolder.latest(latest));
        }
        if (!layerProfiles.isEmpty()) {
            drawLayers();
            if (opened.isEmpty()) {
                return 0;
            }
        }
        if (opened.isEmpty()) {
            throw new IllegalArgumentException("no results folder: name one, or use --latest results");
        }
        List<String> names = figures;
        String xKey = x;
        if (names.isEmpty()) {
            names = fromOutputSection(opened, "figures");
        }
        if (xKey == null) {
            List<String> keys = fromOutputSection(opened, "figure_x");
            xKey = keys.size() == 1 ? keys.get(0) : null;
        }
        Set<Figures.Kind> kinds = new LinkedHashSet<>();
        for (String name : names) {
            try {
                kinds.add(Figures.Kind.parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown figure '" + name + "' (known: "
                        + String.join(", ", java.util.Arrays.stream(Figures.Kind.values())
                                .map(Figures.Kind::fileName).toList()) + ")", e);
            }
        }
        Path dir = out != null ? out
                : opened.size() == 1 ? opened.get(0).dir().resolve("figures")
                : parentOf(opened.get(0)).resolve("figures");
        Figures drawing = new Figures(opened, xKey, xLabel, logX)
                .onlyPoints(Set.copyOf(points)).twoColumn(twoColumn).stats(stats)
                .yLabels(yLabels).renames(renames).tableMetrics(tableMetrics).metrics(metrics)
                .withReference(reference == null ? null : Reference.read(reference));
        Files.createDirectories(dir);
        List<Path> written = drawing.draw(kinds, dir);
        written.forEach(p -> spec.commandLine().getOut().println(p));
        return 0;
    }

    private void drawLayers() throws java.io.IOException {
        if (out == null) {
            throw new IllegalArgumentException("--layers needs --out DIR (where layers-NAME.* go)");
        }
        Files.createDirectories(out);
        for (Path p : layerProfiles) {
            org.eesim.profile.Profile profile;
            try {
                profile = org.eesim.profile.ProfileReader.read(p);
            } catch (org.eesim.yaml.ProblemsException e) {
                throw new IllegalArgumentException("--layers " + p + ": " + e.getMessage(), e);
            }
            org.eesim.analysis.figures.Figure f = org.eesim.analysis.figures.LayerProfile.of(profile)
                    .fit(twoColumn ? org.eesim.analysis.layout.Columns.TWO : org.eesim.analysis.layout.Columns.ONE);
            f.writeTo(out).forEach(w -> spec.commandLine().getOut().println(w));
        }
    }

    /**
     * What the scenarios' {@code output} sections ask for ({@code figures} or {@code figure_x}),
     * in first-seen order over the folders: the defaults when the command line says nothing.
     */
    private static List<String> fromOutputSection(List<ResultsFolder> folders, String key) {
        Set<String> values = new LinkedHashSet<>();
        for (ResultsFolder f : folders) {
            f.resolved(f.summary().points().first()).node("output." + key).ifPresent(n -> {
                if (n.isArray()) {
                    n.forEach(v -> values.add(v.asText()));
                } else {
                    values.add(n.asText());
                }
            });
        }
        return List.copyOf(values);
    }

    private static Path parentOf(ResultsFolder f) {
        Path parent = f.dir().toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
