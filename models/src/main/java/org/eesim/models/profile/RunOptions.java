package org.eesim.models.profile;

import java.nio.file.Path;
import java.util.List;

/** Everything a profiling run depends on; written into the profile's provenance. */
public record RunOptions(
        String net,
        String name,
        double width,
        int branches,
        String distribution,
        List<Integer> positions,
        String dataSet,
        Path dataDir,
        int trainSamples,
        int validationSamples,
        int testSamples,
        int epochs,
        int batchSize,
        float learningRate,
        List<String> experts,
        int expertEpochs,
        int warmup,
        int repetitions,
        long seed,
        Path outputRoot,
        Path weightsRoot,
        boolean load,
        boolean distortionClassifier) {

    public RunOptions {
        positions = List.copyOf(positions);
        experts = List.copyOf(experts);
        if (branches < 1 || branches > 5) {
            throw new IllegalArgumentException("--branches must be 1..5, got " + branches);
        }
        if (trainSamples < 1 || validationSamples < 1 || testSamples < 1) {
            throw new IllegalArgumentException("sample counts must be >= 1");
        }
        if (trainSamples + validationSamples > 60_000) {
            throw new IllegalArgumentException("train + validation samples exceed the 60000 training images");
        }
        if (warmup < 0 || repetitions < 2) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --repetitions >= 2");
        }
        for (String e : experts) {
            if (!e.equals("blur") && !e.equals("noise")) {
                throw new IllegalArgumentException("--experts takes blur and/or noise, got '" + e + "'");
            }
        }
        if (seed <= 0 || seed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--seed must be in 1.." + Integer.MAX_VALUE);
        }
    }

    public Path profileDir() {
        return outputRoot.resolve(name);
    }

    public Path weightsDir() {
        return weightsRoot.resolve(name);
    }
}
