package org.eesim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code energy} section: the power each tier's machines draw and the device's radio on the
 * uplink, from which a run reports energy per request. A scenario without the section has none
 * and reports no energy. docs/scenario-reference.md#energy gives the definitions and the
 * sources of the presets.
 *
 * <p>A machine's draw is linear in the share of its cores computing: {@code idle} when none is,
 * {@code busy} when all are (Fan, Weber and Barroso's model of server power). A request that
 * computes s seconds on one core of a machine of c cores therefore adds
 * {@code (busy - idle) / c * s} joules to what the machine draws anyway.
 *
 * @param device the devices' power (never null)
 * @param edge   the edge machines', or null when the scenario has no edge tier
 * @param cloud  the cloud machines', or null when the scenario has no cloud tier
 * @param radio  the device's radio on the uplink (never null)
 */
public record Energy(TierPower device, TierPower edge, TierPower cloud, Radio radio) {

    public Energy {
        if (device == null || radio == null) {
            throw new IllegalArgumentException("device power and radio are required");
        }
    }

    /** The power of the machines of {@code tier}, or null. */
    public TierPower of(Tier tier) {
        return switch (tier) {
            case DEVICE -> device;
            case EDGE -> edge;
            case CLOUD -> cloud;
        };
    }

    /**
     * One machine's draw: {@code idleWatts} with no core computing, {@code busyWatts} with every
     * core computing, linear in between.
     */
    public record TierPower(double idleWatts, double busyWatts) {
        public TierPower {
            if (!(idleWatts >= 0) || !Double.isFinite(idleWatts)) {
                throw new IllegalArgumentException("idle power must be >= 0 W, got " + idleWatts);
            }
            if (!(busyWatts >= idleWatts) || !Double.isFinite(busyWatts)) {
                throw new IllegalArgumentException("busy power must be at least the idle power, got " + busyWatts);
            }
        }

        /** Joules a job adds per second on one core of a machine of {@code cores} cores. */
        public double joulesPerCoreSecond(int cores) {
            return (busyWatts - idleWatts) / cores;
        }
    }

    /**
     * The device's radio, above the device's idle draw, in the linear model of Huang et al.
     * (MobiSys 2012): sending {@code b} bits over {@code t} seconds costs
     * {@code sendWatts * t + sendJoulesPerMegabit * b / 1e6} (their {@code beta + alpha_u * rate},
     * integrated over the transfer), receiving likewise; after the radio's last transfer it stays
     * in a high-power tail of {@code tailWatts} for {@code tailSeconds}, cut short by its next one.
     */
    public record Radio(double sendWatts, double sendJoulesPerMegabit, double receiveWatts,
                        double receiveJoulesPerMegabit, double tailSeconds, double tailWatts) {
        public Radio {
            for (double v : new double[] {sendWatts, sendJoulesPerMegabit, receiveWatts, receiveJoulesPerMegabit,
                    tailSeconds, tailWatts}) {
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("radio powers, energies and times must be >= 0, got " + v);
                }
            }
        }

        /** Joules of sending {@code bytes} over {@code seconds} of serialisation. */
        public double sendJoules(double seconds, long bytes) {
            return sendWatts * seconds + sendJoulesPerMegabit * (bytes * 8.0 / 1e6);
        }

        /** Joules of a whole tail. */
        public double tailJoules() {
            return tailWatts * tailSeconds;
        }
    }

    /**
     * NVIDIA Jetson Nano in its default MaxN mode (10 W power budget, NVIDIA's L4T guide) with an
     * idle draw of 2 W (a round value near third-party estimates, not an NVIDIA figure).
     */
    public static final TierPower JETSON_NANO = new TierPower(2, 10);
    /** The same in its 5 W mode. */
    public static final TierPower JETSON_NANO_5W = new TierPower(2, 5);
    /** Illustrative edge box: idle at half its peak, as Barroso and Hoelzle report for servers. */
    public static final TierPower EDGE_DEFAULT = new TierPower(30, 60);
    /** Illustrative cloud server: idle at half its peak. */
    public static final TierPower CLOUD_DEFAULT = new TierPower(150, 300);
    /**
     * Wi-Fi in Huang et al. (MobiSys 2012), Tables 3 and 4 as we read them: beta 132.86 mW,
     * alpha_u 283.17 mW/Mbps, alpha_d 137.01 mW/Mbps, tail 238.1 ms at 119.3 mW.
     */
    public static final Radio WIFI = new Radio(0.13286, 0.28317, 0.13286, 0.13701, 0.2381, 0.1193);
    /**
     * LTE in Huang et al. (MobiSys 2012): beta 1288.04 mW, alpha_u 438.39 mW/Mbps, alpha_d
     * 51.97 mW/Mbps, tail 11.576 s at 1060 mW.
     */
    public static final Radio LTE = new Radio(1.28804, 0.43839, 1.28804, 0.05197, 11.576, 1.06);

    /** Device presets by the name a scenario gives them. */
    public static final Map<String, TierPower> DEVICE_PRESETS = presets("jetson-nano", JETSON_NANO,
            "jetson-nano-5w", JETSON_NANO_5W);
    /** Radio presets by name. */
    public static final Map<String, Radio> RADIO_PRESETS = presets("wifi", WIFI, "lte", LTE);

    /** The section's defaults for the tiers present: {@code energy: {}}. */
    public static Energy defaults(boolean edge, boolean cloud) {
        return new Energy(JETSON_NANO, edge ? EDGE_DEFAULT : null, cloud ? CLOUD_DEFAULT : null, WIFI);
    }

    private static <T> Map<String, T> presets(String a, T x, String b, T y) {
        Map<String, T> m = new LinkedHashMap<>();
        m.put(a, x);
        m.put(b, y);
        return java.util.Collections.unmodifiableMap(m);
    }
}
