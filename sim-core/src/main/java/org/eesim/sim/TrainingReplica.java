package org.eesim.sim;

import java.util.ArrayDeque;

import org.eesim.scenario.Link;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.Training;
import org.eesim.training.Pipeline;
import org.eesim.training.SplitEngine;
import org.eesim.training.TrainingProfile;

/**
 * One replication of split training (seed 004, docs/scenario-reference.md#training) on any
 * {@link Clock}: four servers, the edge's compute, the uplink, the cloud and the downlink (its
 * own transmitter: full duplex), each first-come-first-served.
 *
 * <p>Iteration i at split s: the edge runs its forward (the profile's {@code edge_forward_time_s},
 * or all of {@code edge_time_s} when the row does not split it; plus the quantise time with
 * int8) and puts the feature in the upload queue, blocking while {@code upload_queue} features
 * already wait there; the uplink sends it, the cloud computes, the downlink returns the fp32
 * gradient, and the edge runs the rest of its time (replay and backward); the iteration has then
 * finished. Iteration i starts once iteration i-K-1 has finished and the edge's loop has finished
 * forward i-1, as the seed's client does ({@code if i-current_back<=stale_it: break}). Transfers
 * on a link arrive in the order they were sent (one TCP stream), a propagation delay after their
 * last bit. Edge-only iterations are one edge job; cloud-only ones send the input up and nothing
 * down.
 *
 * <p>Before starting iteration i >= 1 the policy may move the split ({@link TrainingPolicy}); a
 * move drains the pipeline (every started iteration finishes) and then sends the parameters of
 * the layers that move over the link in their direction, as the seed's client does.
 */
final class TrainingReplica {

    private final Clock clock;
    private final Training t;
    private final TrainingProfile profile;
    private final long iterations;
    private final long warmup;
    private final FifoServer edge;
    private final FifoServer uplink;
    private final FifoServer cloud;
    private final FifoServer downlink;
    private final Transmitter up;
    private final Transmitter down;
    private final TrainingPolicy policy;
    private final TrainingTally tally;

    private TrainingProfile.Split row;
    private boolean int8;
    /** The next iteration to start, and how many have finished (they finish in order). */
    private long next;
    private long finished;
    /** Whether the edge's loop has finished its last forward (and put its feature in the queue). */
    private boolean loopFree = true;
    /** A feature held by an edge blocked on the full upload queue. */
    private Iteration held;
    /** The split a decided move goes to, while the pipeline drains; -2: none. */
    private int moving = -2;
    private boolean moveInt8;
    /** Whether the policy was asked about iteration {@code next} already (it is asked once). */
    private long decidedFor = -1;
    private final ArrayDeque<Iteration> inFlight = new ArrayDeque<>();

    /** One iteration's journey, and what the bandwidth estimate needs of it. */
    private static final class Iteration {
        final long index;
        final TrainingProfile.Split row;
        final boolean int8;
        final double upBytes;
        double upStart;
        double upArrived;
        double downStart;

        Iteration(long index, TrainingProfile.Split row, boolean int8, double upBytes) {
            this.index = index;
            this.row = row;
            this.int8 = int8;
            this.upBytes = upBytes;
        }
    }

    TrainingReplica(Clock clock, Scenario scenario, long replicationSeed) {
        this.clock = clock;
        this.t = scenario.training();
        this.profile = t.profile();
        this.iterations = t.iterations();
        this.warmup = scenario.run().warmupRequests();
        this.edge = new FifoServer(clock);
        this.uplink = new FifoServer(clock);
        this.cloud = new FifoServer(clock);
        this.downlink = new FifoServer(clock);
        this.up = new Transmitter(t.uplink(), new SplitMix(SplitMix.derive(replicationSeed, SplitMix.code("bandwidth/uplink"))),
                new SplitMix(SplitMix.derive(replicationSeed, SplitMix.code("jitter/uplink"))));
        this.down = new Transmitter(t.downlink(),
                new SplitMix(SplitMix.derive(replicationSeed, SplitMix.code("bandwidth/downlink"))),
                new SplitMix(SplitMix.derive(replicationSeed, SplitMix.code("jitter/downlink"))));
        this.policy = new TrainingPolicy(t);
        TrainingPolicy.Start start = policy.start();
        this.row = profile.row(start.split());
        this.int8 = start.int8();
        this.tally = new TrainingTally(t, warmup, scenario.energy());
    }

    void start() {
        tally.split(row, int8, 0);
        clock.at(0.0, this::tryStart);
    }

    /** Starts the next iteration if everything it waits for has happened; asks the policy first. */
    private void tryStart() {
        if (next >= iterations || !loopFree || moving != -2 || finished < next - t.staleness()) {
            return;
        }
        double now = clock.now();
        if (next >= 1 && decidedFor < next) {
            decidedFor = next;
            TrainingPolicy.Move move = policy.decide(row.split(), int8);
            if (move != null && move.split() != row.split()) {
                moving = move.split();
                moveInt8 = move.int8();
                tally.change(now);
                drained();
                return;
            }
            if (move != null) {
                int8 = move.int8();
            }
        }
        if (t.drainEachEpoch() && next % t.iterationsPerEpoch() == 0 && next > 0 && finished < next) {
            return; // the seed's EndTrain round trip: the epoch's iterations all finish first
        }
        if (next % t.iterationsPerEpoch() == 0) {
            tally.epochStart(now);
        }
        startIteration(now);
    }

    private void startIteration(double now) {
        Iteration it = new Iteration(next, row, int8 && row.split() >= 0 && row.split() < profile.edgeOnly(),
                Pipeline.upBytes(profile, row, int8));
        next++;
        loopFree = false;
        inFlight.add(it);
        tally.started(it.index, now, inFlight.size(), row, it.int8);
        boolean edgeOnly = row.split() == profile.edgeOnly();
        double forward = edgeOnly || !row.forwardMeasured() ? row.edgeSeconds() : row.edgeForwardSeconds();
        double compute = forward + (it.int8 ? t.quantiseAt(row.split()) : 0);
        edge.submit(job(compute, end -> {
            if (edgeOnly) {
                loopFree = true;
                finish(it, end);
            } else {
                enqueueUpload(it);
            }
        }));
    }

    /** The forward's feature goes into the upload queue, or the edge blocks until there is room. */
    private void enqueueUpload(Iteration it) {
        if (uplink.waiting() >= t.uploadQueue()) {
            held = it;
            edge.block();
            return;
        }
        uplink.submit(upload(it));
        loopFree = true;
        tryStart();
    }

    private FifoServer.Job upload(Iteration it) {
        return new FifoServer.Job() {
            @Override
            public double end(double start) {
                return up.end(start, it.upBytes);
            }

            @Override
            public void started(double start, double end) {
                it.upStart = start;
                tally.bytesUp(it.upBytes);
                tally.radio(true, start, end, it.upBytes);
                if (held != null) { // a place in the queue is free: the blocked edge goes on
                    Iteration h = held;
                    held = null;
                    uplink.submit(upload(h));
                    loopFree = true;
                    edge.unblock();
                    clock.at(start, TrainingReplica.this::tryStart);
                }
            }

            @Override
            public void done(double end) {
                double arrive = up.arrival(end);
                clock.at(arrive, () -> {
                    it.upArrived = arrive;
                    cloud.submit(job(it.row.cloudSeconds(), e -> afterCloud(it, e)));
                });
            }
        };
    }

    private void afterCloud(Iteration it, double end) {
        if (it.row.split() == TrainingProfile.CLOUD_ONLY) {
            finish(it, end);
            return;
        }
        downlink.submit(new FifoServer.Job() {
            @Override
            public double end(double start) {
                return down.end(start, it.row.featureBytes());
            }

            @Override
            public void started(double start, double end) {
                it.downStart = start;
                tally.bytesDown(it.row.featureBytes());
                tally.radio(false, start, end, it.row.featureBytes());
            }

            @Override
            public void done(double e) {
                double arrive = down.arrival(e);
                clock.at(arrive, () -> gradientArrived(it, arrive));
            }
        });
    }

    private void gradientArrived(Iteration it, double now) {
        // the seed's download process: both rates from this iteration's messages (bytes / time to arrive)
        policy.estimate(it.upBytes / (it.upArrived - it.upStart), it.row.featureBytes() / (now - it.downStart));
        if (!it.row.forwardMeasured()) {
            finish(it, now);
        } else {
            edge.submit(job(it.row.edgeSeconds() - it.row.edgeForwardSeconds(), e -> finish(it, e)));
        }
    }

    private void finish(Iteration it, double now) {
        inFlight.remove(it);
        finished++;
        tally.finished(it.index, now, next - 1);
        if (moving != -2) {
            drained();
        } else {
            tryStart();
        }
    }

    /** During a move: once nothing is in flight, the layers that move are sent, then the new split holds. */
    private void drained() {
        if (!inFlight.isEmpty()) {
            return;
        }
        double now = clock.now();
        tally.drained(now);
        long bytes = SplitEngine.migrationBytes(profile, row.split(), moving);
        boolean toEdge = moving > row.split();
        FifoServer link = toEdge ? downlink : uplink;
        Transmitter tx = toEdge ? down : up;
        link.submit(new FifoServer.Job() {
            @Override
            public double end(double start) {
                return tx.end(start, bytes);
            }

            @Override
            public void started(double start, double end) {
                tally.radio(!toEdge, start, end, bytes);
            }

            @Override
            public void done(double end) {
                double arrive = tx.arrival(end);
                clock.at(arrive, () -> moved(arrive, bytes, toEdge));
            }
        });
    }

    private void moved(double now, long bytes, boolean toEdge) {
        row = profile.row(moving);
        int8 = moveInt8;
        moving = -2;
        tally.moved(now, bytes, toEdge, row, int8);
        tryStart();
    }

    private FifoServer.Job job(double seconds, java.util.function.DoubleConsumer then) {
        return new FifoServer.Job() {
            @Override
            public double end(double start) {
                return start + seconds;
            }

            @Override
            public void done(double end) {
                then.accept(end);
            }
        };
    }

    boolean done() {
        return finished == iterations;
    }

    java.util.Map<String, Double> results() {
        if (!done()) {
            throw new IllegalStateException("the replication ended with " + finished + " of " + iterations
                    + " iterations finished");
        }
        return tally.results(edge, uplink, cloud, downlink, policy);
    }

    /** A link's transmitter in one replication: its rate (constant or varying) and its in-order arrivals. */
    private static final class Transmitter {
        private final Link link;
        private final RateFunction rate;
        private final SplitMix jitter;
        private double lastArrival = Double.NEGATIVE_INFINITY;

        Transmitter(Link link, SplitMix bandwidth, SplitMix jitter) {
            this.link = link;
            this.rate = RateFunction.of(link, bandwidth);
            this.jitter = jitter;
        }

        double end(double start, double bytes) {
            return rate == null ? start + bytes * 8.0 / link.bandwidthBps() : rate.finish(start, bytes * 8.0);
        }

        /** When a transfer whose last bit left at {@code end} arrives: a delay later, never before the previous. */
        double arrival(double end) {
            double delay = link.jitterSeconds() == 0 ? link.delaySeconds()
                    : link.delaySeconds() + link.jitterSeconds() * (2 * jitter.nextDouble() - 1);
            lastArrival = Math.max(lastArrival, end + delay);
            return lastArrival;
        }
    }
}
