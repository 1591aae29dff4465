package org.eesim.models.timing;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The load rule of a timing run on a shared machine: a measurement is taken only when the machine
 * is quiet before it, is checked for interference after it, and is repeated or refused when it
 * was disturbed. One attempt:
 * <ol>
 * <li>before: wait until the 1-min load average is at most {@link Rule#maxLoadBefore} (checked
 * every {@link Rule#pollSeconds}, at most {@link Rule#waitSeconds}); if it never is, the attempt
 * fails without measuring;</li>
 * <li>during: the 1-min load average is sampled every {@link Rule#sampleSeconds} by a daemon
 * thread; the measurement runs on the calling thread, whose CPU time is read before and after;</li>
 * <li>after: the attempt is accepted when the largest load sampled is at most {@link
 * Rule#maxLoadDuring} (our own pinned thread adds about 1), the calling thread's CPU time over
 * the wall time is at least {@link Rule#minCpuShare} (below it another process shared our core),
 * and every per-repetition series the caller names drifts by at most {@link Rule#maxDrift}: the
 * median of each of its four quarters lies within that fraction of its overall median (a network
 * still warming up, or a neighbour starting half way, moves one quarter).</li>
 * </ol>
 * Up to {@link Rule#attempts} attempts; when none is accepted, {@link Busy} carries what each saw.
 * The load average comes from {@code /proc/loadavg} unless a source is given (tests).
 */
public final class LoadGuard {

    /** The thresholds; {@link #standard()} is what the shipped profiles were timed under. */
    public record Rule(double maxLoadBefore, double waitSeconds, double pollSeconds, double maxLoadDuring,
            double sampleSeconds, double minCpuShare, double maxDrift, int attempts) {

        public Rule {
            if (!(maxLoadBefore > 0) || !(maxLoadDuring > 0) || !(waitSeconds >= 0) || !(pollSeconds > 0)
                    || !(sampleSeconds > 0)) {
                throw new IllegalArgumentException("load bounds and periods must be positive (waiting time >= 0)");
            }
            if (!(minCpuShare >= 0 && minCpuShare <= 1) || !(maxDrift >= 0) || attempts < 1) {
                throw new IllegalArgumentException("CPU share in [0, 1], drift >= 0 and attempts >= 1 required");
            }
        }

        /**
         * 1-min load average at most 1.2 before (waiting up to 5 min, polled every 5 s), at most
         * 2.2 while timing (sampled each second: our thread plus 1.2 of others), the timing
         * thread on the CPU at least 95% of the wall time, medians of the two halves within 5%,
         * three attempts.
         */
        public static Rule standard() {
            return new Rule(1.2, 300, 5, 2.2, 1, 0.95, 0.05, 3);
        }

        /** The rule in one sentence, for provenance and logs. */
        public String describe() {
            return String.format(Locale.ROOT, "load rule: before each attempt the 1-min load average (/proc/loadavg)"
                    + " must be <= %s (polled every %s s, waiting at most %s s); during it, sampled every %s s, it must"
                    + " stay <= %s (the pinned timing thread itself adds about 1); the timing thread's CPU time must be"
                    + " >= %s of the wall time (less means another process shared its core); and each per-repetition"
                    + " series (whole pass, split pass) must not drift: the median of each of its four quarters"
                    + " within %s of its overall median. An attempt failing any of these is repeated, at most %d attempts,"
                    + " then the timing is refused and nothing is written",
                    num(maxLoadBefore), num(pollSeconds), num(waitSeconds), num(sampleSeconds), num(maxLoadDuring),
                    num(minCpuShare), percent(maxDrift), attempts);
        }
    }

    /** What one attempt saw; {@code refusal} is null when it was accepted. */
    public record Check(int attempt, double loadBefore, double loadDuringMax, double loadDuringMean, int loadSamples,
            double cpuShare, double drift, double seconds, String refusal) {

        public boolean accepted() {
            return refusal == null;
        }

        public String describe() {
            String seen = String.format(Locale.ROOT, "attempt %d: load %.2f before, during max %.2f mean %.2f (%d samples),"
                    + " CPU share %.3f, drift %.2f%%, %.1f s", attempt, loadBefore, loadDuringMax, loadDuringMean,
                    loadSamples, cpuShare, drift * 100, seconds);
            return seen + (accepted() ? ": accepted" : ": refused (" + refusal + ")");
        }
    }

    /** The accepted measurement and every attempt's check, the accepted one last. */
    public record Outcome<T>(T value, List<Check> checks) {

        public Outcome {
            checks = List.copyOf(checks);
        }

        public Check accepted() {
            return checks.get(checks.size() - 1);
        }

        /** Every attempt, for provenance. */
        public String describe() {
            return String.join("; ", checks.stream().map(Check::describe).toList());
        }
    }

    /** No attempt was accepted. */
    public static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Check> checks;

        Busy(List<Check> checks) {
            super("the machine was too busy to time on: " + String.join("; ", checks.stream().map(Check::describe)
                    .toList()));
            this.checks = List.copyOf(checks);
        }

        public List<Check> checks() {
            return checks;
        }
    }

    /** The timed work; it runs on the calling thread. */
    @FunctionalInterface
    public interface Measurement<T> {
        T run() throws Exception;
    }

    /** Sleeping, replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(double seconds) throws InterruptedException;
    }

    private final Rule rule;
    private final DoubleSupplier load;
    private final Sleeper sleeper;
    private final PrintStream log;

    public LoadGuard(Rule rule, PrintStream log) {
        this(rule, LoadGuard::loadAverage, s -> Thread.sleep(Math.round(s * 1000)), log);
    }

    public LoadGuard(Rule rule, DoubleSupplier load, Sleeper sleeper, PrintStream log) {
        this.rule = rule;
        this.load = load;
        this.sleeper = sleeper;
        this.log = log;
    }

    public Rule rule() {
        return rule;
    }

    /**
     * Runs {@code measurement} until an attempt is accepted.
     *
     * @param series the per-repetition series of a measurement whose drift is checked (each at
     *     least 4 values; none: no drift check)
     */
    public <T> Outcome<T> measure(Measurement<T> measurement, Function<T, List<double[]>> series)
            throws Busy, Exception {
        return measure(measurement, series, value -> null);
    }

    /**
     * As {@link #measure(Measurement, Function)}, with one more test of each attempt's value:
     * {@code check} returns why the value cannot stand (a refusal, like the rule's own), or null.
     */
    public <T> Outcome<T> measure(Measurement<T> measurement, Function<T, List<double[]>> series,
            Function<T, String> check) throws Busy, Exception {
        List<Check> checks = new ArrayList<>();
        for (int attempt = 1; attempt <= rule.attempts(); attempt++) {
            double before = waitForQuiet();
            if (before > rule.maxLoadBefore()) {
                checks.add(new Check(attempt, before, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, 0,
                        String.format(Locale.ROOT, "load average %.2f > %s after waiting %s s", before,
                                num(rule.maxLoadBefore()), num(rule.waitSeconds()))));
                log.println("  " + checks.get(checks.size() - 1).describe());
                continue;
            }
            Sampler sampler = new Sampler();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            T value;
            try {
                value = measurement.run();
            } finally {
                sampler.stop();
            }
            long wall = System.nanoTime() - wall0;
            double share = (threads.getCurrentThreadCpuTime() - cpu0) / (double) wall;
            double drift = 0;
            for (double[] s : series.apply(value)) {
                drift = Math.max(drift, drift(s));
            }
            double[] during = sampler.values();
            double max = Arrays.stream(during).max().orElse(Double.NaN);
            double mean = Arrays.stream(during).average().orElse(Double.NaN);
            String refusal = refusal(max, share, drift, check.apply(value));
            Check c = new Check(attempt, before, max, mean, during.length, share, drift, wall / 1e9, refusal);
            checks.add(c);
            log.println("  " + c.describe());
            if (c.accepted()) {
                return new Outcome<>(value, checks);
            }
        }
        throw new Busy(checks);
    }

    private String refusal(double maxLoad, double share, double drift, String own) {
        List<String> why = new ArrayList<>();
        if (maxLoad > rule.maxLoadDuring()) {
            why.add(String.format(Locale.ROOT, "load average reached %.2f > %s", maxLoad, num(rule.maxLoadDuring())));
        }
        if (share < rule.minCpuShare()) {
            why.add(String.format(Locale.ROOT, "CPU share %.3f < %s", share, num(rule.minCpuShare())));
        }
        if (drift > rule.maxDrift()) {
            why.add(String.format(Locale.ROOT, "drift %.2f%% > %s", drift * 100, percent(rule.maxDrift())));
        }
        if (own != null) {
            why.add(own);
        }
        return why.isEmpty() ? null : String.join(", ", why);
    }

    /** The load average once it is at most the bound, or the last one read when waiting ran out. */
    private double waitForQuiet() throws InterruptedException {
        double waited = 0;
        double l = load.getAsDouble();
        while (l > rule.maxLoadBefore() && waited < rule.waitSeconds()) {
            if (waited == 0) {
                log.printf(Locale.ROOT, "  load average %.2f > %s: waiting (at most %s s)%n", l,
                        num(rule.maxLoadBefore()), num(rule.waitSeconds()));
            }
            double step = Math.min(rule.pollSeconds(), rule.waitSeconds() - waited);
            sleeper.sleep(step);
            waited += step;
            l = load.getAsDouble();
        }
        return l;
    }

    /**
     * The largest |median of a quarter - median of all| / median of all, over the series' four
     * consecutive quarters: a slow drift (a neighbour starting up, a network still warming up,
     * a clock changing) shows here even when every sample looks plausible.
     */
    public static double drift(double[] series) {
        if (series.length < 4) {
            throw new IllegalArgumentException("a drift check needs at least 4 repetitions, got " + series.length);
        }
        double all = median(series);
        if (all == 0) {
            return 0;
        }
        double worst = 0;
        for (int q = 0; q < 4; q++) {
            double[] part = Arrays.copyOfRange(series, q * series.length / 4, (q + 1) * series.length / 4);
            worst = Math.max(worst, Math.abs(median(part) - all) / all);
        }
        return worst;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The 1-min load average from /proc/loadavg (the JVM's own reading elsewhere). */
    public static double loadAverage() {
        try {
            String line = Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(line.substring(0, line.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Samples the load average on a daemon thread while a measurement runs (and once at each end). */
    private final class Sampler {
        private final List<Double> values = new ArrayList<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-sampler");
            t.setDaemon(true);
            return t;
        });

        Sampler() {
            long period = Math.max(1, Math.round(rule.sampleSeconds() * 1000));
            timer.scheduleAtFixedRate(this::sample, 0, period, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            double v = load.getAsDouble();
            synchronized (values) {
                values.add(v);
            }
        }

        void stop() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
            sample();
        }

        double[] values() {
            synchronized (values) {
                return values.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
    }
}
