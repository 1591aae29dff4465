package org.eesim.analysis.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.analysis.results.ResultsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalenessCurvesTest {

    static final String HEADER = "name,net,width,split,staleness,features,feedback,seed,epoch,iterations,"
            + "train_loss,train_accuracy,test_loss,test_accuracy,seconds";

    @TempDir
    Path dir;

    private void write(String name, String split, int k, String features, String feedback, int seed, double... acc)
            throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < acc.length; i++) {
            b.append(String.join(",", name, "alexnet", "0.25", split, Integer.toString(k), features, feedback,
                    Integer.toString(seed), Double.toString(0.5 * i), Integer.toString(100 * i), i == 0 ? "" : "0.5",
                    i == 0 ? "" : "0.8", "0.4", Double.toString(acc[i]), "1.0")).append('\n');
        }
        Files.writeString(dir.resolve(name + ".csv"), b);
    }

    @Test
    void pairsEachRunWithItsSeedsSynchronousRun() throws IOException {
        write("k0-fp32-s1", "conv2", 0, "fp32", "none", 1, 0.1, 0.80, 0.86, 0.88);
        write("k4-fp32-s1", "conv2", 4, "fp32", "none", 1, 0.1, 0.78, 0.85, 0.875);
        write("k0-fp32-s2", "conv2", 0, "fp32", "none", 2, 0.1, 0.82, 0.87, 0.89);
        write("k4-fp32-s2", "conv2", 4, "fp32", "none", 2, 0.1, 0.80, 0.86, 0.885);
        write("conv5-k4-fp32-s1", "conv5", 4, "fp32", "none", 1, 0.1, 0.70, 0.84, 0.87);
        write("k4-int8-gradient-s1", "conv2", 4, "int8", "gradient", 1, 0.1, 0.79, 0.85, 0.88);
        Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n"); // not a curve: left alone
        List<StalenessCurves.Run> runs = StalenessCurves.read(dir);
        assertEquals(6, runs.size());
        Figure d = StalenessCurves.difference("d", runs, r -> r.features().equals("fp32"));
        // K=4 seed 1 against K=0 seed 1, K=4 seed 2 against K=0 seed 2, conv5 against seed 1's conv2 K=0
        assertEquals(3 * 3, d.data().rows().size());
        List<Object> last = d.data().rows().stream().filter(r -> r.get(3).equals("k4-fp32-s2")).toList()
                .get(2);
        assertEquals(1.5, last.get(1));
        assertEquals(100 * (0.885 - 0.89), (double) last.get(2), 1e-9);
        assertEquals("k0-fp32-s2", last.get(4));
        assertTrue(d.data().rows().stream().anyMatch(r -> r.get(0).equals("K=4 fp32, split conv5, seed 1")));
        String table = StalenessCurves.markdown(runs, new double[] {0.85, 0.9});
        // K=4 seed 1 reaches 85% exactly at its epoch-1 point; K=0 seed 1 between 0.5 (80%) and 1 (86%)
        assertTrue(table.contains("| K=4 fp32 | 1 | 78.00 | 85.00 | 87.50 | -0.50 | 1.00 | not reached |"),
                table);
        assertTrue(table.contains("| K=0 fp32 | 1 | 80.00 | 86.00 | 88.00 |  | 0.92 | not reached |"),
                table);
    }

    @Test
    void epochsToTargetInterpolatesBetweenEvaluations() {
        StalenessCurves.Run r = new StalenessCurves.Run("r", "conv2", 0, "fp32", "none", 1,
                new double[] {0, 0.25, 0.5}, new double[] {0.1, 0.7, 0.9}, new double[3]);
        assertEquals(0.375, r.epochsTo(0.8), 1e-12);
        assertEquals(0.25, r.epochsTo(0.7), 1e-12);
        assertTrue(Double.isNaN(r.epochsTo(0.95)));
    }

    @Test
    void aFolderWithoutCurvesIsAnError() throws IOException {
        Files.writeString(dir.resolve("x.csv"), "a\n1\n");
        ResultsException e = assertThrows(ResultsException.class, () -> StalenessCurves.read(dir));
        assertTrue(e.getMessage().contains("no split-train CSVs"), e.getMessage());
    }

    static final String TIME_HEADER = "configuration,staleness,features,feedback,seed,target,epochs_to_target,bandwidth,"
            + "seconds_per_iteration,epoch_seconds,minutes_to_target";

    /**
     * Minutes to the target by hand: K=0 fp32 needs 2.0 and 2.5 epochs (seeds 1, 3), mean 2.25,
     * times 600 s an epoch at 1 MiB/s is 22.5 minutes and times 60 s at 10 MiB/s 2.25; K=4 fp32
     * (one seed, 2.4 epochs) at 300 s and 30 s: 12 and 1.2 minutes. K=2 fp32 has a seed that never
     * reached it (left out), int8 without feedback is not selected, and rows of another target
     * do not count.
     */
    @Test
    void timeToAccuracyAveragesTheSeedsEpochs() throws IOException {
        Path csv = dir.resolve("tta.csv");
        Files.writeString(csv, TIME_HEADER + "\n"
                + "K=0 fp32,0,fp32,none,1,0.87,2.0,1 MiB/s,0.32,600,20\n"
                + "K=0 fp32,0,fp32,none,1,0.87,2.0,10 MiB/s,0.032,60,2\n"
                + "K=0 fp32,0,fp32,none,3,0.87,2.5,1 MiB/s,0.32,600,25\n"
                + "K=0 fp32,0,fp32,none,3,0.87,2.5,10 MiB/s,0.032,60,2.5\n"
                + "K=0 fp32,0,fp32,none,1,0.86,1.0,1 MiB/s,0.32,600,10\n"
                + "K=4 fp32,4,fp32,none,1,0.87,2.4,1 MiB/s,0.16,300,12\n"
                + "K=4 fp32,4,fp32,none,1,0.87,2.4,10 MiB/s,0.016,30,1.2\n"
                + "K=2 fp32,2,fp32,none,1,0.87,2.1,1 MiB/s,0.16,300,10.5\n"
                + "K=2 fp32,2,fp32,none,3,0.87,,1 MiB/s,0.16,300,\n"
                + "K=0 int8,0,int8,none,1,0.87,2.0,1 MiB/s,0.2,400,13.3\n");
        Figure f = StalenessCurves.timeToAccuracy("t", csv, 0.87, c -> c.contains("fp32"));
        List<List<Object>> rows = f.data().rows();
        assertEquals(4, rows.size(), rows.toString());
        assertEquals(List.of("K=0 fp32", 1.0, 22.5, 2.25, 2), rows.get(0));
        assertEquals(2.25, (double) rows.get(1).get(2), 1e-12);
        assertEquals(10.0, rows.get(1).get(1));
        assertEquals("K=4 fp32", rows.get(2).get(0));
        assertEquals(12.0, (double) rows.get(2).get(2), 1e-12);
        assertEquals(1.2, (double) rows.get(3).get(2), 1e-12);
        assertEquals(2, f.chart().getXYPlot().getDataset().getSeriesCount());
        ResultsException none = assertThrows(ResultsException.class,
                () -> StalenessCurves.timeToAccuracy("t", csv, 0.9, c -> true));
        assertTrue(none.getMessage().contains("no configuration reached the target 0.9"), none.getMessage());
    }

    @Test
    void timeToAccuracyNamesABadBandwidth() throws IOException {
        Path csv = dir.resolve("tta.csv");
        Files.writeString(csv, TIME_HEADER + "\nK=0 fp32,0,fp32,none,1,0.87,2.0,1 Mbit/s,0.32,600,20\n");
        ResultsException e = assertThrows(ResultsException.class,
                () -> StalenessCurves.timeToAccuracy("t", csv, 0.87, c -> true));
        assertTrue(e.getMessage().contains("'1 Mbit/s' is not a positive '<number> MiB/s'"), e.getMessage());
        assertTrue(e.getMessage().contains("tta.csv") && e.getMessage().contains("2"), e.getMessage());
    }
}
