package org.eesim.sim;

/**
 * The named random streams of one replication, each seeded from the replication seed and the
 * stream's name (never from the clock or from execution order):
 * <ul>
 * <li>{@code arrivals/<d>/<u>}: inter-arrival times of device d, or think times of its user u in a
 * closed loop (one stream per user, so a user's think times do not depend on when the others
 * draw theirs);</li>
 * <li>{@code input}: one seed per request, from which that request draws its input condition, its
 * test sample and (rate mode) its exit and correctness;</li>
 * <li>{@code noise}: one seed per request, from which it draws its layer and branch times;</li>
 * <li>{@code jitter}: one seed per request, from which it draws its links' propagation delays;</li>
 * <li>{@code bandwidth/uplink}, {@code bandwidth/wan}: a Markov-modulated link's holding times and
 * moves;</li>
 * <li>{@code classifier}: one seed per request, from which the distortion classifier's guess is
 * drawn (expert branches);</li>
 * <li>{@code monitor}: the uplink probe's measurement errors.</li>
 * </ul>
 * Per-request seeds make a request's draws independent of how many numbers other requests or
 * other placements consumed: two policies run on the same seed see the same requests (common
 * random numbers). Which request is the k-th must not depend on the policy either. With open
 * arrivals (Poisson, deterministic) the births follow from the arrival streams alone, so the
 * per-request seeds are drawn in birth order. In a closed loop a user's next birth waits for its
 * answer, so a faster policy reorders births: there the seeds of user u of device d's k-th request
 * come from streams of its own, {@code input/<d>/<u>} and so on, and the k-th request of each user is
 * the same whatever the policy.
 */
public final class Streams {

    /** By source (device * users + user), made when first asked for (open arrivals draw from {@link Arrivals}). */
    private final SplitMix[] arrivals;
    private final long arrivalCode = SplitMix.code("arrivals");
    private final int users;
    private final SplitMix input;
    private final SplitMix noise;
    private final SplitMix requestInput = new SplitMix(0);
    private final SplitMix requestNoise = new SplitMix(0);
    private final SplitMix jitter;
    private final SplitMix requestJitter = new SplitMix(0);
    private final SplitMix classifier;
    private final SplitMix requestClassifier = new SplitMix(0);
    private final long replicationSeed;
    private final boolean jitterUsed;
    private final boolean classifierUsed;
    /** Closed loop: per source (device * users + user), the generators of its requests' seeds. */
    private final SplitMix[][] bySource;

    /**
     * Streams that seed a request's jitter and classifier generators only when
     * {@code jitterUsed} and {@code classifierUsed}: nothing else draws from those streams, so
     * skipping them changes no number and saves two reseeds per request.
     */
    Streams(long replicationSeed, int devices, int users, boolean jitterUsed, boolean classifierUsed,
            boolean perSource) {
        this.jitterUsed = jitterUsed;
        this.classifierUsed = classifierUsed;
        this.users = users;
        this.arrivals = new SplitMix[devices * users];
        this.input = new SplitMix(SplitMix.derive(replicationSeed, SplitMix.code("input")));
        this.noise = new SplitMix(SplitMix.derive(replicationSeed, SplitMix.code("noise")));
        this.jitter = new SplitMix(SplitMix.derive(replicationSeed, SplitMix.code("jitter")));
        this.classifier = new SplitMix(SplitMix.derive(replicationSeed, SplitMix.code("classifier")));
        this.replicationSeed = replicationSeed;
        this.bySource = perSource ? new SplitMix[devices * users][] : null;
        if (perSource) {
            long[] codes = {SplitMix.code("input"), SplitMix.code("noise"), SplitMix.code("jitter"),
                SplitMix.code("classifier")};
            for (int d = 0; d < devices; d++) {
                for (int u = 0; u < users; u++) {
                    SplitMix[] g = new SplitMix[codes.length];
                    for (int k = 0; k < codes.length; k++) {
                        g[k] = new SplitMix(SplitMix.derive(replicationSeed, codes[k], d, u));
                    }
                    bySource[d * users + u] = g;
                }
            }
        }
    }

    /** A stream of its own for {@code name} (e.g. {@code bandwidth/uplink}, {@code monitor}). */
    SplitMix named(String name) {
        return new SplitMix(SplitMix.derive(replicationSeed, SplitMix.code(name)));
    }

    /** The seed of replication {@code replication} of a scenario with seed {@code scenarioSeed}. */
    public static long replicationSeed(long scenarioSeed, int replication) {
        return SplitMix.derive(scenarioSeed, SplitMix.code("replication"), replication);
    }

    SplitMix arrivals(int device, int user) {
        SplitMix g = arrivals[device * users + user];
        if (g == null) {
            g = new SplitMix(arrivalSeed(device, user));
            arrivals[device * users + user] = g;
        }
        return g;
    }

    /** The seed of stream {@code arrivals/<device>/<user>}: where {@link #arrivals} starts. */
    long arrivalSeed(int device, int user) {
        return SplitMix.derive(replicationSeed, arrivalCode, device, user);
    }

    /** The streams of replication {@code replication} of scenario {@code s}. */
    public static Streams of(org.eesim.scenario.Scenario s, int replication) {
        return of(s, replication, s.run().seed());
    }

    /** The streams of replication {@code replication} when the base seed is {@code baseSeed}. */
    public static Streams of(org.eesim.scenario.Scenario s, int replication, long baseSeed) {
        int users = s.workload().arrival() instanceof org.eesim.scenario.Arrival.Closed c ? c.users() : 1;
        boolean jitter = jittery(s.links().uplink()) || jittery(s.links().wan());
        return new Streams(replicationSeed(baseSeed, replication), s.tiers().device().count(), users, jitter,
                s.policy().expert() != null, s.workload().arrival() instanceof org.eesim.scenario.Arrival.Closed);
    }

    private static boolean jittery(org.eesim.scenario.Link link) {
        return link != null && link.jitterSeconds() > 0;
    }

    /** Moves the per-request generators to the seeds of the next request of user {@code user} of {@code device}. */
    void nextRequest(int device, int user) {
        SplitMix[] g = bySource == null ? null : bySource[device * users + user];
        requestInput.reseed((g == null ? input : g[0]).nextLong());
        requestNoise.reseed((g == null ? noise : g[1]).nextLong());
        if (jitterUsed) {
            requestJitter.reseed((g == null ? jitter : g[2]).nextLong());
        }
        if (classifierUsed) {
            requestClassifier.reseed((g == null ? classifier : g[3]).nextLong());
        }
    }

    SplitMix classifier() {
        return requestClassifier;
    }

    SplitMix jitter() {
        return requestJitter;
    }

    SplitMix input() {
        return requestInput;
    }

    SplitMix noise() {
        return requestNoise;
    }
}
