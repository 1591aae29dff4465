package org.eesim.testbed.run;

import java.util.List;
import java.util.Map;

/**
 * How a deployment is laid out on this machine: which tiers exist, the CPUs each process is
 * pinned to ({@code taskset -c} lists), each tier's CPU share (a speed below 1 becomes a cgroup
 * quota), the token bucket of every shaped direction, the encoding of tensors, the child JVMs'
 * heap, and the network the servers load.
 */
public record Layout(boolean edge, boolean cloud, Map<String, String> cpus, Map<String, Double> shares,
                     int burstBytes, String encoding, String heap, org.eesim.testbed.node.NetworkSpec network,
                     String data, int testSamples, long dataSeed) {

    public static final int HTTP_PORT = 8000;
    public static final int PROBE_PORT = 9000;
    public static final int RELAY_HTTP = 7000;
    public static final int RELAY_PROBE = 7100;

    public Layout {
        cpus = Map.copyOf(cpus);
        shares = Map.copyOf(shares);
        if (burstBytes < 1514) {
            throw new IllegalArgumentException("a token bucket below one full frame (1514 B) drops full-size packets");
        }
        if (!edge && !cloud) {
            throw new IllegalArgumentException("a deployment needs an edge or a cloud");
        }
    }

    /** The tiers in path order. */
    public List<String> tiers() {
        return edge && cloud ? List.of("device", "edge", "cloud") : edge ? List.of("device", "edge")
                : List.of("device", "cloud");
    }

    /** The links between them, in path order. */
    public List<String> links() {
        return edge && cloud ? List.of("uplink", "wan") : List.of("uplink");
    }

    public String cpusOf(String role) {
        String c = cpus.get(role);
        if (c == null) {
            throw new IllegalArgumentException("no CPUs given for " + role);
        }
        return c;
    }
}
