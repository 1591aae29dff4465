package org.eesim.scenario;

/**
 * The three tiers of the path device, edge, cloud. Devices always exist (they are the request
 * sources); edge and cloud are {@code null} when the scenario has none, in which case no layer may
 * be placed on them.
 *
 * @param edgeAssignment which edge machine serves a request ({@code tiers.edge.assignment});
 *                       {@link EdgeAssignment#STATIC} when not given
 */
public record Tiers(TierSpec device, TierSpec edge, TierSpec cloud, EdgeAssignment edgeAssignment) {

    /** Tiers whose devices each use their static edge. */
    public Tiers(TierSpec device, TierSpec edge, TierSpec cloud) {
        this(device, edge, cloud, EdgeAssignment.STATIC);
    }

    public Tiers {
        if (device == null) {
            throw new IllegalArgumentException("a device tier is required");
        }
        if (edgeAssignment == null) {
            edgeAssignment = EdgeAssignment.STATIC;
        }
    }

    public boolean hasEdge() {
        return edge != null;
    }

    public boolean hasCloud() {
        return cloud != null;
    }

    /** The machines of {@code tier}, or null when the scenario has none. */
    public TierSpec of(Tier tier) {
        return switch (tier) {
            case DEVICE -> device;
            case EDGE -> edge;
            case CLOUD -> cloud;
        };
    }
}
