package org.eesim.scenario;

/**
 * The links of the path. {@code uplink} joins a device to the next tier that exists (the edge, or
 * the cloud when there is no edge); {@code wan} joins the edge to the cloud. A link is {@code null}
 * when no request can cross it (the reader refuses a missing link that a placement needs).
 */
public record Links(Link uplink, Link wan) {
}
