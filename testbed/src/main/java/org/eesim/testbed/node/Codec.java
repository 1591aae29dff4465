package org.eesim.testbed.node;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How tensors and answers travel. {@link Encoding#BINARY}: the tensor's float32 values, little
 * endian (4 bytes each; the shape goes in a header); {@link Encoding#JSON}: seed 000's
 * {@code tensor.tolist()} as a JSON list of numbers, each float widened to a double and printed
 * in full as Python prints it (about 20 bytes per value). Answers are a fixed-size record in
 * either encoding, so that every answer of a run has the same number of bytes.
 */
public final class Codec {

    public enum Encoding {
        BINARY, JSON;

        public String contentType() {
            return this == BINARY ? "application/octet-stream" : "application/json";
        }

        public static Encoding of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    private Codec() {
    }

    public static byte[] encode(float[] values, Encoding e) {
        if (e == Encoding.BINARY) {
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(values);
            return b.array();
        }
        StringBuilder s = new StringBuilder(values.length * 20 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(Double.toString(values[i]));
        }
        return s.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }

    public static float[] decode(byte[] body, int count, Encoding e) {
        float[] out = new float[count];
        if (e == Encoding.BINARY) {
            if (body.length != count * 4) {
                throw new IllegalArgumentException("expected " + count * 4 + " bytes of float32, got " + body.length);
            }
            ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }
        String s = new String(body, StandardCharsets.US_ASCII).strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalArgumentException("expected a JSON list of numbers");
        }
        int k = 0;
        int start = 1;
        int end = s.length() - 1;
        while (start < end) {
            int comma = s.indexOf(',', start);
            int stop = comma < 0 ? end : comma;
            if (k == count) {
                throw new IllegalArgumentException("more than " + count + " values");
            }
            out[k++] = (float) Double.parseDouble(s.substring(start, stop).strip());
            start = stop + 1;
        }
        if (k != count) {
            throw new IllegalArgumentException("expected " + count + " values, got " + k);
        }
        return out;
    }

    /** Elements of a per-sample shape such as {@code 16,14,14}. */
    public static int elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    public static String shapeHeader(long[] shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ",").append(shape[i]);
        }
        return b.toString();
    }

    public static long[] parseShape(String header) {
        String[] parts = header.split(",");
        long[] s = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            s[i] = Long.parseLong(parts[i].strip());
        }
        return s;
    }

    /**
     * The answer to a request: where it exited (exit index, tier 0 device, 1 edge, 2 cloud), the
     * class and confidence, and each server tier's instants (its own {@code System.nanoTime}, which
     * on Linux is the machine-wide monotonic clock, so instants of different processes compare):
     * request read, compute start, compute end, answer sent; 0 for a tier not visited.
     */
    public record Answer(int exit, int predicted, double confidence, int tier, long[] instants) {
        /** Instants per server tier (edge, cloud) and what they are. */
        public static final int PER_TIER = 4;
        public static final int SERVER_TIERS = 2;
        /** Bytes of a binary answer: 3 ints, a float, 8 longs. */
        public static final int BINARY_BYTES = 4 * 4 + 8 * PER_TIER * SERVER_TIERS;

        public Answer {
            if (instants.length != PER_TIER * SERVER_TIERS) {
                throw new IllegalArgumentException("an answer holds " + PER_TIER * SERVER_TIERS + " instants");
            }
        }

        public static Answer of(int exit, int predicted, double confidence, int tier) {
            return new Answer(exit, predicted, confidence, tier, new long[PER_TIER * SERVER_TIERS]);
        }

        /** Instant {@code i} (0 read, 1 compute start, 2 compute end, 3 sent) of server tier {@code t} (1 edge, 2 cloud). */
        public long instant(int t, int i) {
            return instants[(t - 1) * PER_TIER + i];
        }

        public void set(int t, int i, long v) {
            instants[(t - 1) * PER_TIER + i] = v;
        }

        public byte[] encode(Encoding e) {
            if (e == Encoding.BINARY) {
                ByteBuffer b = ByteBuffer.allocate(BINARY_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(exit).putInt(predicted).putFloat((float) confidence).putInt(tier);
                for (long v : instants) {
                    b.putLong(v);
                }
                return b.array();
            }
            // fixed widths: every answer of a run has the same size
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "{\"exit\": %2d, \"class\": %2d, \"confidence\": %.6f, \"tier\": %d, \"t\": [", exit, predicted,
                    confidence, tier));
            for (int i = 0; i < instants.length; i++) {
                s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%19d", instants[i]));
            }
            return s.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
        }

        public static Answer decode(byte[] body, Encoding e) {
            if (e == Encoding.BINARY) {
                ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
                int exit = b.getInt();
                int predicted = b.getInt();
                double conf = b.getFloat();
                int tier = b.getInt();
                long[] t = new long[PER_TIER * SERVER_TIERS];
                for (int i = 0; i < t.length; i++) {
                    t[i] = b.getLong();
                }
                return new Answer(exit, predicted, conf, tier, t);
            }
            String s = new String(body, StandardCharsets.US_ASCII);
            int exit = Integer.parseInt(field(s, "\"exit\":", ","));
            int predicted = Integer.parseInt(field(s, "\"class\":", ","));
            double conf = Double.parseDouble(field(s, "\"confidence\":", ","));
            int tier = Integer.parseInt(field(s, "\"tier\":", ","));
            String[] ts = field(s, "\"t\": [", "]").split(",");
            long[] t = new long[PER_TIER * SERVER_TIERS];
            for (int i = 0; i < t.length; i++) {
                t[i] = Long.parseLong(ts[i].strip());
            }
            return new Answer(exit, predicted, conf, tier, t);
        }

        private static String field(String s, String key, String until) {
            int at = s.indexOf(key);
            if (at < 0) {
                throw new IllegalArgumentException("answer without " + key);
            }
            int from = at + key.length();
            int to = s.indexOf(until, from);
            return s.substring(from, to < 0 ? s.length() : to).strip();
        }
    }
}
