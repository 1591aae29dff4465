package org.eesim.scenario;

/**
 * What a link's protocols add to the tensor bytes of each message: {@code messageBytes} once per
 * forward message (an HTTP request line and headers, say), and {@code packetBytes} per packet of
 * at most {@code mssBytes} of payload (TCP, IP and Ethernet headers: 66 B per 1448 B segment with
 * TCP timestamps). Serialisation is of the bytes on the wire:
 * {@code w = p + message + packet * ceil((p + message) / mss)} for a forward message of
 * {@code p} bytes; an answer's bytes already hold its header, so it adds the packets' overhead only.
 */
public record Framing(long messageBytes, long packetBytes, long mssBytes) {

    /** No overhead: serialisation of the payload alone (every scenario before this option). */
    public static final Framing NONE = new Framing(0, 0, 0);

    public Framing {
        if (messageBytes < 0 || packetBytes < 0 || mssBytes < 0) {
            throw new IllegalArgumentException("framing sizes must be >= 0");
        }
        if (packetBytes > 0 && mssBytes == 0) {
            throw new IllegalArgumentException("a per-packet overhead needs the packets' payload size (mss)");
        }
    }

    /** Bytes on the wire for {@code payload} bytes of a forward message ({@code header}) or of an answer. */
    public double wireBytes(double payload, boolean header) {
        double p = payload + (header ? messageBytes : 0);
        if (packetBytes == 0 || p <= 0) {
            return p;
        }
        return p + packetBytes * Math.ceil(p / mssBytes);
    }

    public boolean none() {
        return messageBytes == 0 && packetBytes == 0;
    }
}
