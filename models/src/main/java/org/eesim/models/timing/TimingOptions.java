package org.eesim.models.timing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything a timing run depends on (written into its provenance as a command).
 *
 * @param net        a full-size network ({@code alexnet-full}, {@code mobilenetv2-full},
 *                   {@code resnet18-full}) or a 28 px one of the models module ({@code tiny},
 *                   {@code alexnet}, {@code mobilenetv2}, {@code resnet18}); null with {@code retime}
 * @param input      C, H, W
 * @param warmupSeconds the untimed warm-up lasts at least this long, and at least {@code warmup}
 *                   repetitions
 * @param exit       side-branch block: {@code pool} (AdaptiveAvgPool2d(2) + Linear, CARPEX and seed
 *                   001), {@code bnpool} (BatchNorm + AdaptiveAvgPool2d(1) + Linear, seed 000),
 *                   {@code bnpool2} (BatchNorm + average pool to 2×2 + Linear, the 28 px networks)
 * @param positions  1-based layer numbers the branches follow, with {@code distribution explicit}
 * @param exitsFrom  a profile whose conditions (exit data) are copied, its branches matching by name
 *                   and position; null: a placeholder condition with no exits
 * @param retime     a profile made by {@code eesim-models profile} whose times are re-measured (its
 *                   network rebuilt from its provenance command, its traces kept); null otherwise
 * @param timingOnly write timing.csv, samples.csv and timing-provenance.json only (no profile.yaml)
 * @param core       the CPU the child JVM is pinned to (taskset); negative: not pinned
 * @param maxReferenceMs refuse an attempt whose reference convolution took longer (ms; 0: no bound):
 *                   this machine's usual speed with a margin
 */
public record TimingOptions(String net, String name, double width, long[] input, int classes, int branches,
        String distribution, List<Integer> positions, String exit, int warmup, double warmupSeconds, int repetitions,
        long seed,
        Path outputRoot, Path exitsFrom, Path retime, boolean timingOnly, int core, double maxReferenceMs) {

    /** Repetitions the method asks for at least. */
    public static final int MIN_REPETITIONS = 200;

    public TimingOptions {
        input = input == null ? null : input.clone();
        positions = List.copyOf(positions);
        if (retime == null && (net == null || name == null || input == null)) {
            throw new IllegalArgumentException("--net, --name and --input are required (or --retime PROFILE)");
        }
        if (retime != null && (exitsFrom != null || timingOnly)) {
            throw new IllegalArgumentException("--retime keeps the profile's own exit data: no --exits-from or"
                    + " --timing-only with it");
        }
        if (input != null && (input.length != 3 || Arrays.stream(input).anyMatch(v -> v < 1))) {
            throw new IllegalArgumentException("--input takes C,H,W (three positive numbers), got "
                    + Arrays.toString(input));
        }
        if (warmup < 0 || !(warmupSeconds >= 0) || repetitions < 4) {
            throw new IllegalArgumentException("--warmup and --warmup-seconds must be >= 0 and --repetitions >= 4 (the"
                    + " method asks for "
                    + MIN_REPETITIONS + ")");
        }
        if (classes < 1 || branches < 0 || branches > 8) {
            throw new IllegalArgumentException("--classes must be >= 1 and --branches 0..8");
        }
        if (!List.of("pool", "bnpool", "bnpool2").contains(exit)) {
            throw new IllegalArgumentException("--exit takes pool, bnpool or bnpool2, got '" + exit + "'");
        }
        if (!(maxReferenceMs >= 0)) {
            throw new IllegalArgumentException("--max-reference-ms must be >= 0 (0: no bound)");
        }
        if (seed <= 0 || seed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--seed must be in 1.." + Integer.MAX_VALUE);
        }
    }

    @Override
    public long[] input() {
        return input == null ? null : input.clone();
    }

    /** The command that reproduces this run (every option that matters, resolved). */
    public String command() {
        if (retime != null) {
            return "time --retime " + rel(retime) + " --warmup " + warmup + " --warmup-seconds " + num(warmupSeconds)
                    + " --repetitions " + repetitions + " --seed " + seed + (core >= 0 ? " --core " + core : " --core -1")
                    + (maxReferenceMs > 0 ? " --max-reference-ms " + num(maxReferenceMs) : "");
        }
        return "time --net " + net + " --name " + name + " --input "
                + Arrays.stream(input).mapToObj(Long::toString).collect(Collectors.joining(","))
                + (net.endsWith("-full") ? " --classes " + classes : " --width " + width)
                + (distribution.equals("explicit") ? " --positions "
                        + positions.stream().map(String::valueOf).collect(Collectors.joining(","))
                        : " --branches " + branches + " --distribution " + distribution)
                + " --exit " + exit + " --warmup " + warmup + " --warmup-seconds " + num(warmupSeconds)
                + " --repetitions " + repetitions + " --seed " + seed
                + (exitsFrom != null ? " --exits-from " + rel(exitsFrom) : "") + (timingOnly ? " --timing-only" : "")
                + " --out " + rel(outputRoot) + (core >= 0 ? " --core " + core : " --core -1")
                + (maxReferenceMs > 0 ? " --max-reference-ms " + num(maxReferenceMs) : "");
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A path as the repository knows it: relative to the working directory when inside it. */
    public static String rel(Path p) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : p.toString();
    }
}
