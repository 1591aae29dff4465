package org.eesim.models.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eesim.profile.Profile;
import org.eesim.profile.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingRunTest {

    /** The shared test machine is never quiet: no load or CPU-share bound, one attempt. */
    static final LoadGuard.Rule ANY_LOAD = new LoadGuard.Rule(1e9, 0, 1, 1e9, 1, 0, 1e9, 1);

    @TempDir
    Path tmp;

    @Test
    void timesTheTinyNetworkIntoAProfileWithoutExits() throws Exception {
        TimingOptions o = new TimingOptions("tiny", "tiny-timed", 1, new long[] {1, 28, 28}, 10, 2, "linear",
                List.of(), "bnpool2", 2, 8, 1, tmp, null, null, false, -1);
        Path dir = new TimingRun(o, ANY_LOAD, new PrintStream(java.io.OutputStream.nullOutputStream())).run();
        Profile p = ProfileReader.read(dir);
        assertEquals(4, p.layers().size());
        assertEquals(2, p.branches().size());
        assertEquals(8, p.layers().get(0).time().samples().length);
        assertEquals(List.of(TimingRun.NO_EXITS), List.copyOf(p.conditions().keySet()));
        System.out.println(Files.readString(dir.resolve("timing.csv")));
        System.out.println(Files.readString(dir.resolve("summary.md")));
        System.out.println(p.provenance().get("whole_pass"));
        System.out.println(p.provenance().get("dispatch"));
        assertTrue(Files.readString(dir.resolve("samples.csv")).startsWith("repetition,layer/stem"));
    }
}
