package org.eesim.sim;

import java.util.ArrayList;
import java.util.List;
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
 * when shared, per edge machine otherwise). Resources have ids 0..n-1; a request's route names
 * them by id, so the DSOL model and the baseline loop walk the same route over the same topology.
 *
 * <p>With an edge assignment other than static ({@link EdgeAssignment}) a request's edge is
 * chosen when it is born; its WAN transmitter and cloud machine are then those of that edge
 * ({@link #edgeResource}, {@link #wanOfEdge}, {@link #cloudOfEdge}), and its access point stays
 * the device's own.
 */
final class Topology {

    /** Kinds of resource in path order; {@link #key()} names them in metrics ({@code util.uplink}). */
    enum Kind {
        DEVICE, UPLINK, EDGE, WAN, CLOUD;

        private final String key = name().toLowerCase(Locale.ROOT);

        String key() {
            return key;
        }
    }

    private final List<Resource> resources = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final Station[][] stations = new Station[Kind.values().length][];
    /**
     * [device * kinds + kind]: the id of the resource of that kind device d's requests use, -1 for
     * none; one array, so that planning a request reads one cache line of it, not five.
     */
    private final int[] of;
    private static final int KINDS = Kind.values().length;
    private final LinkModel uplink;
    private final LinkModel wan;
    private final EdgeAssignment assignment;
    /** Per edge machine e: its resource id, and the WAN transmitter and cloud machine behind it (-1: none). */
    private final int[] edgeRes;
    private final int[] wanOfEdge;
    private final int[] cloudOfEdge;

    /** Builds the stations; {@code uplinkBandwidth} and {@code wanBandwidth} drive links whose rate varies. */
    Topology(Scenario s, SplitMix uplinkBandwidth, SplitMix wanBandwidth) {
        Link up = s.links().uplink();
        Link w = s.links().wan();
        this.uplink = up == null ? null : new LinkModel(up, uplinkBandwidth);
        this.wan = w == null ? null : new LinkModel(w, wanBandwidth);
        TierSpec dev = s.tiers().device();
        int devices = dev.count();
        int edges = s.tiers().hasEdge() ? s.tiers().edge().count() : 0;
        int clouds = s.tiers().hasCloud() ? s.tiers().cloud().count() : 0;
        int[] edgeOf = new int[devices];
        int[] cloudOf = new int[devices];
        for (int d = 0; d < devices; d++) {
            edgeOf[d] = edges == 0 ? -1 : d % edges;
            cloudOf[d] = clouds == 0 ? -1 : (edges == 0 ? d : edgeOf[d]) % clouds;
        }
        this.of = new int[devices * KINDS];
        java.util.Arrays.fill(stations, new Station[0]);
        int firstDevice = add(Kind.DEVICE, devices, dev.cores(), null);
        int uplinks = up == null ? 0 : up.shared() ? (edges > 0 ? edges : clouds) : devices;
        int firstUplink = add(Kind.UPLINK, uplinks, 1, uplink);
        int firstEdge = edges == 0 ? -1 : add(Kind.EDGE, edges, s.tiers().edge().cores(), null);
        int wans = w == null || edges == 0 || clouds == 0 ? 0 : w.shared() ? clouds : edges;
        int firstWan = add(Kind.WAN, wans, 1, wan);
        int firstCloud = clouds == 0 ? -1 : add(Kind.CLOUD, clouds, s.tiers().cloud().cores(), null);
        this.assignment = edges == 0 ? EdgeAssignment.STATIC : s.tiers().edgeAssignment();
        this.edgeRes = new int[edges];
        this.wanOfEdge = new int[edges];
        this.cloudOfEdge = new int[edges];
        for (int e = 0; e < edges; e++) {
            int cloud = clouds == 0 ? -1 : e % clouds;
            edgeRes[e] = firstEdge + e;
            wanOfEdge[e] = wans == 0 ? -1 : firstWan + (w.shared() ? cloud : e);
            cloudOfEdge[e] = clouds == 0 ? -1 : firstCloud + cloud;
        }
        for (int d = 0; d < devices; d++) {
            int at = d * KINDS;
            of[at + Kind.DEVICE.ordinal()] = firstDevice + d;
            of[at + Kind.UPLINK.ordinal()] = uplinks == 0 ? -1
                    : firstUplink + (!up.shared() ? d : edges > 0 ? edgeOf[d] : Math.max(cloudOf[d], 0));
            of[at + Kind.EDGE.ordinal()] = edges == 0 ? -1 : edgeRes[edgeOf[d]];
            of[at + Kind.WAN.ordinal()] = wans == 0 ? -1 : wanOfEdge[edgeOf[d]]; // wans > 0: an edge exists
            of[at + Kind.CLOUD.ordinal()] = clouds == 0 ? -1 : edges == 0 ? firstCloud + cloudOf[d]
                    : cloudOfEdge[edgeOf[d]];
        }
    }

    /** Edge machines (0 without an edge tier). */
    int edges() {
        return edgeRes.length;
    }

    EdgeAssignment assignment() {
        return assignment;
    }

    /** The edge machine device {@code d} uses under the static assignment (its access point's). */
    int staticEdge(int d) {
        return d % edgeRes.length;
    }

    /** The resource id of edge machine {@code e}. */
    int edgeResource(int e) {
        return edgeRes[e];
    }

    /** The WAN transmitter a request through edge machine {@code e} uses, or -1. */
    int wanOfEdge(int e) {
        return wanOfEdge[e];
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
        Station[] edge = stations[Kind.EDGE.ordinal()];
        int best = 0;
        double bestStart = Math.max(now, edge[0].earliestFree());
        for (int e = 1; e < edge.length; e++) {
            double start = Math.max(now, edge[e].earliestFree());
            if (start < bestStart) {
                best = e;
                bestStart = start;
            }
        }
        return best;
    }

    private int add(Kind kind, int count, int cores, LinkModel link) {
        int first = resources.size();
        Station[] s = new Station[count];
        for (int i = 0; i < count; i++) {
            s[i] = new Station(kind.key(), i, cores);
            resources.add(link == null ? s[i] : link.transmitter(s[i]));
            kinds.add(kind);
        }
        stations[kind.ordinal()] = s;
        return first;
    }

    /** The id of the resource of {@code kind} that device {@code device}'s requests use, or -1. */
    int of(Kind kind, int device) {
        return of[device * KINDS + kind.ordinal()];
    }

    Resource resource(int id) {
        return resources.get(id);
    }

    /** The resources by id, for a walker's fast lookup. */
    Resource[] resources() {
        return resources.toArray(Resource[]::new);
    }

    int size() {
        return resources.size();
    }

    Kind kind(int id) {
        return kinds.get(id);
    }

    /** The stations of {@code kind} (empty when the scenario has none). */
    Station[] stations(Kind kind) {
        return stations[kind.ordinal()];
    }

    /** The uplink of the scenario in this replication, or null. */
    LinkModel uplink() {
        return uplink;
    }

    LinkModel wan() {
        return wan;
    }

    /** The link whose transmitter resource {@code id} is, or null for a machine. */
    LinkModel linkOf(int id) {
        return kinds.get(id) == Kind.UPLINK ? uplink : kinds.get(id) == Kind.WAN ? wan : null;
    }

    /**
     * Devices whose requests use each resource of {@code kind}: the most any one of them serves.
     * With an assignment other than static, the requests that reach the edges are taken as split
     * evenly over them (round robin does so exactly; least loaded only as long as it balances), so
     * an edge-side resource serves devices / E times the edges behind it.
     */
    double maxDevicesPer(Kind kind) {
        int devices = of.length / KINDS;
        boolean followsEdge = kind == Kind.EDGE || kind == Kind.WAN || kind == Kind.CLOUD;
        if (assignment != EdgeAssignment.STATIC && followsEdge) {
            int[] perEdge = kind == Kind.EDGE ? edgeRes : kind == Kind.WAN ? wanOfEdge : cloudOfEdge;
            int[] count = new int[resources.size()];
            int max = 0;
            for (int id : perEdge) {
                if (id >= 0) {
                    max = Math.max(max, ++count[id]);
                }
            }
            return (double) devices / edgeRes.length * max;
        }
        int[] count = new int[resources.size()];
        int max = 0;
        for (int d = 0; d < devices; d++) {
            int id = of[d * KINDS + kind.ordinal()];
            if (id >= 0) {
                max = Math.max(max, ++count[id]);
            }
        }
        return max;
    }

    /** Cores of each resource of {@code kind} (1 for a transmitter), or 0 when there is none. */
    int cores(Kind kind) {
        Station[] s = stations[kind.ordinal()];
        return s.length == 0 ? 0 : s[0].cores();
    }
}
