package org.eesim.sim;

import java.util.Map;

import org.eesim.scenario.Energy;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.Tier;

/**
 * The energy of one replication's measured requests, exactly (no sampling), as README "Energy"
 * defines it. Per request: on each tier, the compute seconds times what a busy core adds to the
 * machine's idle draw; on the device also its radio, sending the request's tensor (serialisation
 * only: a request queued for a shared uplink is not yet being sent) and then the tail, which
 * lasts until the tail time has passed or the same device's next transfer starts, whichever is
 * first. The idle draw is reported apart, as each tier's idle energy over the measured window
 * shared among the measured requests.
 *
 * <p>A device's transfers use one transmitter (its access point's or its own) in FIFO order, so
 * the next transfer of a device starts after its previous one ends and a tail is closed when the
 * next transfer is admitted. Tails still open when the replication ends are counted whole. Nothing
 * returns to the device (the model has no answer path), so nothing is received.
 */
final class EnergyMeter {

    private final Energy.Radio radio;
    /** Joules per compute second on one core, by {@link Tier#ordinal()}: (busy - idle) / cores. */
    private final double[] perCoreSecond = new double[3];
    /** Idle watts of a whole tier (machines x idle), by tier; NaN for a tier the scenario lacks. */
    private final double[] idleWatts = new double[3];
    /** Per device: when its last transfer ended, NaN once its tail is closed. */
    private final double[] tailFrom;
    /** Per device: whether that transfer was a measured request's. */
    private final boolean[] tailMeasured;

    private final double[] computeJoules = new double[3];
    private double sendJoules;
    private double tailJoules;

    EnergyMeter(Scenario s) {
        Energy e = s.energy();
        this.radio = e.radio();
        for (Tier t : Tier.values()) {
            Energy.TierPower p = e.of(t);
            var spec = s.tiers().of(t);
            boolean present = p != null && spec != null;
            perCoreSecond[t.ordinal()] = present ? p.joulesPerCoreSecond(spec.cores()) : 0;
            idleWatts[t.ordinal()] = present ? p.idleWatts() * spec.count() : Double.NaN;
        }
        int devices = s.tiers().device().count();
        this.tailFrom = new double[devices];
        this.tailMeasured = new boolean[devices];
        java.util.Arrays.fill(tailFrom, Double.NaN);
    }

    /**
     * Request {@code r}'s tensor started being sent at {@code start} and was sent by {@code end}:
     * its send energy, and the end of the device's previous tail.
     */
    void sent(Request r, double start, double end) {
        int d = r.device;
        closeTail(d, start);
        r.radioJoules = radio.sendJoules(end - start, r.uplinkBytes);
        tailFrom[d] = end;
        tailMeasured[d] = r.measured;
    }

    private void closeTail(int d, double until) {
        double from = tailFrom[d];
        if (from == from) { // not NaN: a tail is open
            if (tailMeasured[d]) {
                tailJoules += radio.tailWatts() * Math.min(radio.tailSeconds(), until - from);
            }
            tailFrom[d] = Double.NaN;
        }
    }

    /** A measured request completed. */
    void record(Request r) {
        for (int t = 0; t < 3; t++) {
            computeJoules[t] += perCoreSecond[t] * r.compute[t];
        }
        sendJoules += r.radioJoules;
    }

    /**
     * The energy metrics over {@code requests} measured requests and a window of
     * {@code windowSeconds}; closes the tails still open (whole), so call once, after the run.
     */
    void putInto(Map<String, Double> m, double requests, double windowSeconds) {
        for (int d = 0; d < tailFrom.length; d++) {
            closeTail(d, Double.POSITIVE_INFINITY);
        }
        int dev = Tier.DEVICE.ordinal();
        m.put("energy.device", (computeJoules[dev] + sendJoules + tailJoules) / requests);
        m.put("energy.device_radio", (sendJoules + tailJoules) / requests);
        for (Tier t : new Tier[] {Tier.EDGE, Tier.CLOUD}) {
            if (!Double.isNaN(idleWatts[t.ordinal()])) {
                m.put("energy." + t.name().toLowerCase(java.util.Locale.ROOT), computeJoules[t.ordinal()] / requests);
            }
        }
        for (Tier t : Tier.values()) {
            if (!Double.isNaN(idleWatts[t.ordinal()])) {
                m.put("energy." + t.name().toLowerCase(java.util.Locale.ROOT) + "_idle",
                        idleWatts[t.ordinal()] * windowSeconds / requests);
            }
        }
    }
}
