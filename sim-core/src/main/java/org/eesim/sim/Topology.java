package org.eesim.sim;

import java.util.Locale;

import org.eesim.scenario.EdgeAssignment;
import org.eesim.scenario.Link;
import org.eesim.scenario.Scenario;
import org.eesim.scenario.TierSpec;

/**
 * The resources of one replication and which of them each device's requests use: device d's
 * own cores, edge machine d mod E, cloud machine (d mod E) mod C (d mod C without an edge), the
 * uplink transmitter of its access point (one per edge machine, or per cloud machine without an
 * edge, when the link is shared; its own otherwise) and the WAN transmitter (one per cloud machine
 * when shared, per edge machine otherwise). Each kind of resource is one {@link Resources} of
 * members 0..n-1 (the stations' state in arrays, no object per device); a request's route names a
 * kind and a member, so the DSOL model and the baseline loop walk the same route over the same
 * topology.
 *
 * <p>With an edge assignment other than static ({@link EdgeAssignment}) a request's edge is
 * chosen when it is born; its WAN transmitter and cloud machine are then those of that edge
 * ({@link #wanOfEdge}, {@link #cloudOfEdge}), and its access point stays the device's own.
 *
 * <p>With an {@code answer} section every link has a return transmitter beside each forward one
 * (full duplex: {@link Kind#WAN_DOWN} beside each WAN transmitter, {@link Kind#DOWNLINK} beside
 * each uplink one), members numbered as the forward ones; without it those kinds have no members.
 */
final class Topology {

    /**
     * Kinds of resource in path order, the answer's way back last (members only with an
     * {@code answer} section); {@link #key()} names them in metrics ({@code util.uplink}).
     */
    enum Kind {
        DEVICE, UPLINK, EDGE, WAN, CLOUD, WAN_DOWN, DOWNLINK;

        private static final Kind[] ALL = values();
        private final String key = name().toLowerCase(Locale.ROOT);

        String key() {
            return key;
        }

        /** The kind of ordinal {@code ordinal} (as a route stores it). */
        static Kind of(int ordinal) {
            return ALL[ordinal];
        }
    }

    private static final int KINDS = Kind.values().length;
    /** By {@link Kind#ordinal()}: the resources of that kind (none of them when the scenario has none). */
    private final Resources[] resources = new Resources[KINDS];
    /** Members of each kind (0 for a kind the scenario lacks). */
    private final int devices;
    private final int uplinks;
    private final int edges;
    private final int wans;
    private final int clouds;
    /** Whether the answer travels back (an {@code answer} section): the return transmitters exist. */
    private final boolean back;
    private final boolean uplinkShared;
    private final LinkModel uplink;
    private final LinkModel wan;
    private final EdgeAssignment assignment;
    /** Per edge machine e: the WAN transmitter and cloud machine behind it (-1: none). */
    private final int[] wanOfEdge;
    private final int[] cloudOfEdge;

    /** Builds the stations; {@code uplinkBandwidth} and {@code wanBandwidth} drive links whose rate varies. */
    Topology(Scenario s, SplitMix uplinkBandwidth, SplitMix wanBandwidth) {
        Link up = s.links().uplink();
        Link w = s.links().wan();
        this.uplink = up == null ? null : new LinkModel(up, uplinkBandwidth);
        this.wan = w == null ? null : new LinkModel(w, wanBandwidth);
        TierSpec dev = s.tiers().device();
        this.devices = dev.count();
        this.edges = s.tiers().hasEdge() ? s.tiers().edge().count() : 0;
        this.clouds = s.tiers().hasCloud() ? s.tiers().cloud().count() : 0;
        this.uplinkShared = up != null && up.shared();
        this.uplinks = up == null ? 0 : up.shared() ? (edges > 0 ? edges : clouds) : devices;
        this.wans = w == null || edges == 0 || clouds == 0 ? 0 : w.shared() ? clouds : edges;
        add(Kind.DEVICE, devices, dev.cores(), null);
        add(Kind.UPLINK, uplinks, 1, uplink);
        add(Kind.EDGE, edges, edges == 0 ? 1 : s.tiers().edge().cores(), null);
        add(Kind.WAN, wans, 1, wan);
        add(Kind.CLOUD, clouds, clouds == 0 ? 1 : s.tiers().cloud().cores(), null);
        this.back = s.answer() != null;
        add(Kind.WAN_DOWN, back ? wans : 0, 1, wan);
        add(Kind.DOWNLINK, back ? uplinks : 0, 1, uplink);
        this.assignment = edges == 0 ? EdgeAssignment.STATIC : s.tiers().edgeAssignment();
        this.wanOfEdge = new int[edges];
        this.cloudOfEdge = new int[edges];
        for (int e = 0; e < edges; e++) {
            int cloud = clouds == 0 ? -1 : e % clouds;
            wanOfEdge[e] = wans == 0 ? -1 : w.shared() ? cloud : e;
            cloudOfEdge[e] = cloud;
        }
    }

    /** Edge machines (0 without an edge tier). */
    int edges() {
        return edges;
    }

    EdgeAssignment assignment() {
        return assignment;
    }

    /** The edge machine device {@code d} uses under the static assignment (its access point's). */
    int staticEdge(int d) {
        return d % edges;
    }

    /** The WAN transmitter a request through edge machine {@code e} uses, or -1. */
    int wanOfEdge(int e) {
        return wanOfEdge[e];
    }

    /** The WAN's return transmitter an answer coming back to edge machine {@code e} takes, or -1. */
    int wanDownOfEdge(int e) {
        return back ? wanOfEdge[e] : -1;
    }

    /** The cloud machine a request through edge machine {@code e} reaches, or -1. */
    int cloudOfEdge(int e) {
        return cloudOfEdge[e];
    }

    /**
     * The edge machine whose cores free up first for a job arriving at {@code now} (idle ones
     * tie at {@code now}), the lowest index among ties.
     */
    int leastLoadedEdge(double now) {
        Stations edge = stations(Kind.EDGE);
        int best = 0;
        double bestStart = Math.max(now, edge.earliestFree(0));
        for (int e = 1; e < edge.count(); e++) {
            double start = Math.max(now, edge.earliestFree(e));
            if (start < bestStart) {
                best = e;
                bestStart = start;
            }
        }
        return best;
    }

    private void add(Kind kind, int count, int cores, LinkModel link) {
        Stations s = new Stations(kind.key(), count, cores);
        resources[kind.ordinal()] = link == null ? s : link.transmitters(s, returning(kind));
    }

    /**
     * The member of {@code kind} that device {@code d}'s requests use under the static
     * assignment, or -1: the rule of the class comment, computed rather than looked up in a table
     * of devices (a few integer divisions cost less than the cache miss a row of 10,000 would).
     */
    int of(Kind kind, int d) {
        switch (kind) {
            case DEVICE:
                return d;
            case UPLINK:
                return uplinks == 0 ? -1 : !uplinkShared ? d : edges > 0 ? d % edges : d % clouds;
            case EDGE:
                return edges == 0 ? -1 : d % edges;
            case WAN:
                return wans == 0 ? -1 : wanOfEdge[d % edges]; // wans > 0: an edge exists
            case CLOUD:
                return clouds == 0 ? -1 : (edges == 0 ? d : d % edges) % clouds;
            case WAN_DOWN:
                return back ? of(Kind.WAN, d) : -1;
            case DOWNLINK:
            default:
                return back ? of(Kind.UPLINK, d) : -1;
        }
    }

    /** The resources of {@code kind} (none when the scenario has none). */
    Resources resources(Kind kind) {
        return resources[kind.ordinal()];
    }

    /** The resources of every kind, by {@link Kind#ordinal()}, for a walker's fast lookup. */
    Resources[] resources() {
        return resources.clone();
    }

    /** The stations of {@code kind} (none when the scenario has none). */
    Stations stations(Kind kind) {
        return resources[kind.ordinal()].stations();
    }

    /** The uplink of the scenario in this replication, or null. */
    LinkModel uplink() {
        return uplink;
    }

    LinkModel wan() {
        return wan;
    }

    /** The link whose transmitters (either way) the resources of {@code kind} are, or null for machines. */
    LinkModel linkOf(Kind kind) {
        return kind == Kind.UPLINK || kind == Kind.DOWNLINK ? uplink
                : kind == Kind.WAN || kind == Kind.WAN_DOWN ? wan : null;
    }

    /** Whether the resources of {@code kind} carry answers back (return transmitters). */
    static boolean returning(Kind kind) {
        return kind == Kind.DOWNLINK || kind == Kind.WAN_DOWN;
    }

    /**
     * Devices whose requests use each resource of {@code kind}: the most any one of them serves.
     * With an assignment other than static, the requests that reach the edges are taken as split
     * evenly over them (round robin does so exactly; least loaded only as long as it balances), so
     * an edge-side resource serves devices / E times the edges behind it.
     */
    double maxDevicesPer(Kind kind) {
        int[] count = new int[stations(kind).count()];
        int max = 0;
        if (assignment != EdgeAssignment.STATIC
                && (kind == Kind.EDGE || kind == Kind.WAN || kind == Kind.CLOUD || kind == Kind.WAN_DOWN)) {
            for (int e = 0; e < edges; e++) {
                int m = kind == Kind.EDGE ? e : kind == Kind.WAN ? wanOfEdge[e]
                        : kind == Kind.WAN_DOWN ? wanDownOfEdge(e) : cloudOfEdge[e];
                if (m >= 0) {
                    max = Math.max(max, ++count[m]);
                }
            }
            return (double) devices / edges * max;
        }
        for (int d = 0; d < devices; d++) {
            int m = of(kind, d);
            if (m >= 0) {
                max = Math.max(max, ++count[m]);
            }
        }
        return max;
    }

    /** Cores of each resource of {@code kind} (1 for a transmitter), or 0 when there is none. */
    int cores(Kind kind) {
        Stations s = stations(kind);
        return s.count() == 0 ? 0 : s.cores();
    }
}
