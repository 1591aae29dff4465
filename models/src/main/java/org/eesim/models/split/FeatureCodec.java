package org.eesim.models.split;

import java.util.Locale;

/**
 * How the edge's features travel to the cloud: as fp32, or int8 with one scale per tensor.
 * {@link #roundTrip} returns what the cloud receives (the dequantised values).
 */
public enum FeatureCodec {

    /** Sent as they are (4 bytes a value). */
    FP32,

    /**
     * Affine int8 over the tensor's range: q = round((x − min)/s) − 128 with s = (max − min)/255, so
     * x̂ = (q + 128)·s + min and |x̂ − x| ≤ s/2 (1 byte a value, plus min and s).
     */
    INT8,

    /**
     * The seed's quantiser as written (computation.edge_forward): torch.quantize_per_tensor with
     * scale (max' − min')/256, max' = min(max, 128), min' = max(min, −128), and zero point
     * int(min'). The zero point is taken in the features' units, not in steps, so for ReLU
     * features (min 0) the codes −128..127 cover only [−128 s, 127 s]: every value above about
     * half the maximum is clipped to it. Kept to measure what the seed's system sent.
     */
    INT8_SEED;

    public static FeatureCodec parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "fp32" -> FP32;
            case "int8" -> INT8;
            case "int8-seed" -> INT8_SEED;
            default -> throw new IllegalArgumentException("unknown feature codec '" + s + "' (fp32, int8, int8-seed)");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean quantises() {
        return this != FP32;
    }

    /** Bytes on the wire for {@code values} features (int8: one byte each plus two floats). */
    public long wireBytes(long values) {
        return this == FP32 ? 4 * values : values + 8;
    }

    /** The values the cloud receives for {@code x}. */
    public float[] roundTrip(float[] x) {
        return switch (this) {
            case FP32 -> x.clone();
            case INT8 -> decode(encode(x));
            case INT8_SEED -> seed(x);
        };
    }

    /** An int8 tensor: codes and the two floats that map them back. */
    public record Int8(byte[] codes, float min, float scale) {
    }

    /** {@link #INT8}'s encoding (what would be sent). */
    public static Int8 encode(float[] x) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        byte[] q = new byte[x.length];
        if (!(hi > lo)) {
            // a constant tensor (or empty): every code -128 decodes to min exactly
            java.util.Arrays.fill(q, (byte) -128);
            return new Int8(q, x.length == 0 ? 0f : lo, 0f);
        }
        float scale = (hi - lo) / 255f;
        float inv = 1f / scale;
        for (int i = 0; i < x.length; i++) {
            int code = Math.round((x[i] - lo) * inv) - 128;
            q[i] = (byte) Math.max(-128, Math.min(127, code));
        }
        return new Int8(q, lo, scale);
    }

    public static float[] decode(Int8 t) {
        float[] out = new float[t.codes().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (t.codes()[i] + 128) * t.scale() + t.min();
        }
        return out;
    }

    private static float[] seed(float[] x) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        lo = Math.max(lo, -128f);
        hi = Math.min(hi, 128f);
        float scale = (hi - lo) / 256f;
        if (!(scale > 0)) {
            return x.clone(); // PyTorch refuses a zero scale; a constant tensor is sent as is here
        }
        int zero = (int) lo; // Python's int(): truncation toward zero, in the features' units
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            long q = Math.round(Math.rint(x[i] / scale)) + zero;
            q = Math.max(-128, Math.min(127, q));
            out[i] = (q - zero) * scale;
        }
        return out;
    }
}
