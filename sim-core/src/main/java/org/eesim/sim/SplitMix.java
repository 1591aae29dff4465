package org.eesim.sim;

/**
 * SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast, well-mixed generator used two ways:
 * to derive independent seeds from (scenario seed, replication, stream name), and as a
 * re-seedable per-request generator, so that a request's randomness depends only on its own seed
 * and not on the order in which events happen to draw numbers (common random numbers across
 * policies). Not thread-safe; one instance per stream.
 */
public final class SplitMix implements java.util.function.DoubleSupplier {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    public SplitMix(long seed) {
        this.state = seed;
    }

    public void reseed(long seed) {
        this.state = seed;
    }

    /**
     * The {@link #nextDouble()} that follows {@code stateAfterStep}, the state already advanced by
     * one step: for a caller that keeps many generators' states in one array (a generator
     * seeded s has state s).
     */
    static double nextDouble(long stateAfterStep) {
        return (mix(stateAfterStep) >>> 11) * 0x1.0p-53;
    }

    /** One step of the state: what {@link #nextLong()} adds before mixing. */
    static long step(long state) {
        return state + GOLDEN;
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** {@link #nextDouble()}, so that code outside this package can draw without knowing the generator. */
    @Override
    public double getAsDouble() {
        return nextDouble();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    /** Exponentially distributed with the given mean. */
    public double nextExponential(double mean) {
        return -mean * Math.log1p(-nextDouble());
    }

    /** A standard normal by Box-Muller (one of the pair; two uniforms per call, so draws stay aligned). */
    public double nextGaussian() {
        double u = 1.0 - nextDouble(); // in (0, 1]: log stays finite
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mixer. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed derived from a parent seed and a list of identifying parts (order matters). */
    public static long derive(long parent, long... parts) {
        long h = mix(parent + GOLDEN);
        for (long p : parts) {
            h = mix(h ^ mix(p + GOLDEN));
        }
        return h;
    }

    /** A stable 64-bit code of a stream name (not String.hashCode: too few bits). */
    public static long code(String name) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }
}
