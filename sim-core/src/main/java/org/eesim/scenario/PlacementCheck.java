package org.eesim.scenario;

import org.eesim.yaml.Fields;
import org.eesim.yaml.Problems;
import org.eesim.yaml.YamlNode;

/**
 * Checks a placement against the profile's layer count, the tiers that exist and the links
 * given: every layer must run on a tier that exists, and every link a request crosses must be
 * described.
 */
final class PlacementCheck {

    private final Problems problems;
    private final Fields scenario;
    private final int layers;
    private final boolean edge;
    private final boolean cloud;

    PlacementCheck(Problems problems, Fields scenario, int layers, boolean edge, boolean cloud) {
        this.problems = problems;
        this.scenario = scenario;
        this.layers = layers;
        this.edge = edge;
        this.cloud = cloud;
    }

    void check(Placement p, Links links) {
        YamlNode.Mapping placement = (YamlNode.Mapping) scenario.node("placement");
        boolean inRange = withinLayers(placement, "cut1", p.cut1()) & withinLayers(placement, "cut2", p.cut2());
        if (!inRange) {
            return;
        }
        if (!edge && p.cut1() < p.cut2()) {
            atKey(placement, "placement", layers(p.cut1(), p.cut2(), "is", "are") + " placed on the edge, but there"
                    + " is no edge tier (make cut1 = cut2, or add tiers.edge)");
        }
        if (!cloud && p.cut2() < layers) {
            atKey(placement, "placement", layers(p.cut2(), layers, "is", "are") + " placed in the cloud, but there"
                    + " is no cloud tier (make cut2 = " + layers + ", or add tiers.cloud)");
        }
        if (links == null) {
            return; // invalid links are reported already
        }
        YamlNode at = scenario.has("links") ? scenario.node("links") : placement;
        if (links.uplink() == null && p.cut1() < layers && (edge || cloud)) {
            atKey(at, "links.uplink", "missing link: " + layers(p.cut1(), layers, "runs", "run")
                    + " beyond the device (cut1 = " + p.cut1() + "), so requests cross the uplink");
        }
        if (links.wan() == null && edge && cloud && p.cut2() < layers) {
            atKey(at, "links.wan", "missing link: " + layers(p.cut2(), layers, "runs", "run")
                    + " in the cloud (cut2 = " + p.cut2() + "), so requests cross the wan from the edge");
        }
    }

    private boolean withinLayers(YamlNode.Mapping placement, String key, int cut) {
        if (cut > layers) {
            problems.add(placement.entries().get(key), key + " = " + cut + " is beyond the last layer (the profile has "
                    + layers + " layers)");
            return false;
        }
        return true;
    }

    /** "layer 4 is" or "layers 3..5 are": the layers after cut {@code from} up to cut {@code to}. */
    private static String layers(int from, int to, String singular, String plural) {
        return from + 1 == to ? "layer " + to + " " + singular : "layers " + (from + 1) + ".." + to + " " + plural;
    }

    private void atKey(YamlNode node, String keyPath, String reason) {
        problems.add(node.file(), node.keyAt().line(), node.keyAt().column(), keyPath, reason);
    }
}
