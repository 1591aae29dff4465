package org.eesim.models.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command a timing records in its provenance is the one that reproduces it, every option that matters. */
class TimingOptionsTest {

    @Test
    void aRetimingsCommandNamesItsWarmUpAndReferenceBound() {
        TimingOptions o = new TimingOptions(null, null, 1, null, 10, 3, "linear", List.of(), "bnpool2", 100, 10, 300, 1,
                Path.of("profiles"), null, Path.of("profiles", "ee-resnet18-fmnist"), false, 1, 2.7);
        assertEquals("time --retime profiles/ee-resnet18-fmnist --warmup 100 --warmup-seconds 10 --repetitions 300"
                + " --seed 1 --core 1 --max-reference-ms 2.7", o.command());
        TimingOptions unbounded = new TimingOptions(null, null, 1, null, 10, 3, "linear", List.of(), "bnpool2", 100,
                10, 300, 1, Path.of("profiles"), null, Path.of("profiles", "ee-resnet18-fmnist"), false, -1, 0);
        assertEquals("time --retime profiles/ee-resnet18-fmnist --warmup 100 --warmup-seconds 10 --repetitions 300"
                + " --seed 1 --core -1", unbounded.command());
    }

    @Test
    void aFullSizeTimingsCommandNamesTheBound() {
        TimingOptions o = new TimingOptions("mobilenetv2-full", "mobilenetv2-224-djl", 1, new long[] {3, 224, 224},
                1000, 3, "linear", List.of(), "bnpool", 100, 10, 300, 1, Path.of("profiles"), null, null, false, 1, 2.7);
        assertEquals("time --net mobilenetv2-full --name mobilenetv2-224-djl --input 3,224,224 --classes 1000"
                + " --branches 3 --distribution linear --exit bnpool --warmup 100 --warmup-seconds 10 --repetitions 300"
                + " --seed 1 --out profiles --core 1 --max-reference-ms 2.7", o.command());
    }
}
