package org.eesim.models.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare-timing on hand-made timing files: sums over layers only, and located errors. */
class TimingCompareTest {

    @TempDir
    Path tmp;

    private Path timing(String name, double a, double b, double branch) throws Exception {
        return Files.writeString(tmp.resolve(name), "kind,name,n,median_s,p25_s,p75_s,mean_s,sd_s\n"
                + "layer,l1,3," + a + ",0,0,0,0\nlayer,l2,3," + b + ",0,0,0,0\nbranch,b1,3," + branch + ",0,0,0,0\n");
    }

    @Test
    void sumsLayersOnlyAndGivesTheMedianAbsoluteDifference() throws Exception {
        // l1 +10%, l2 -30%: layer sum 3 ms -> 2.5 ms (-16.7%); the branch's +100% is listed, not summed
        String md = TimingCompare.markdown(timing("a.csv", 0.001, 0.002, 0.001), timing("b.csv", 0.0011, 0.0014, 0.002));
        assertTrue(md.contains("| sum of layer medians | 3.0000 | 2.5000 | -16.7 |"), md);
        assertTrue(md.contains("Median absolute per-layer difference: 20.0%. Largest: 30.0% (layer l2)."), md);
        assertTrue(md.contains("| branch b1 | 1.0000 | 2.0000 | +100.0 |"), md);
        assertEquals(20.0, TimingCompare.median(List.of(10.0, 30.0)), 1e-12);
    }

    @Test
    void aMissingOrMalformedFileIsNamedWithItsLine() throws Exception {
        Path good = timing("a.csv", 0.001, 0.002, 0.001);
        var missing = assertThrows(TimingCompare.BadTimingFile.class,
                () -> TimingCompare.markdown(good, tmp.resolve("none.csv")));
        assertTrue(missing.getMessage().endsWith("none.csv: no such file"), missing.getMessage());
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "kind,name,n,median_s\nlayer,l1,3,fast\n");
        var malformed = assertThrows(TimingCompare.BadTimingFile.class, () -> TimingCompare.markdown(good, bad));
        assertTrue(malformed.getMessage().contains("bad.csv:2 median_s"), malformed.getMessage());
    }
}
