package org.eesim.testbed.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The wire formats: tensors and answers read back what was written, in both encodings, at a known size. */
class CodecTest {

    static final float[] X = {0f, 1f, -2.5f, 0.1f, 3.4028235e38f, 1.4e-45f};

    @Test
    void binaryTensorsAreFourLittleEndianBytesPerValue() {
        byte[] b = Codec.encode(X, Codec.Encoding.BINARY);
        assertEquals(4 * X.length, b.length);
        assertEquals(0x3f, b[7] & 0xff, "1.0f = 0x3f800000, little endian: its high byte last");
        assertArrayEquals(X, Codec.decode(b, X.length, Codec.Encoding.BINARY));
        assertThrows(IllegalArgumentException.class, () -> Codec.decode(b, X.length + 1, Codec.Encoding.BINARY));
    }

    @Test
    void jsonTensorsAreSeed000sFloatListsAndReadBackExactly() {
        byte[] b = Codec.encode(X, Codec.Encoding.JSON);
        String s = new String(b, java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("[0.0, 1.0, -2.5, 0.10000000149011612", s.substring(0, 36), "floats widened to doubles, as Python prints them");
        assertArrayEquals(X, Codec.decode(b, X.length, Codec.Encoding.JSON));
        assertThrows(IllegalArgumentException.class, () -> Codec.decode(b, X.length - 1, Codec.Encoding.JSON));
    }

    @Test
    void answersHaveOneSizePerEncodingAndReadBack() {
        for (Codec.Encoding e : Codec.Encoding.values()) {
            Codec.Answer a = Codec.Answer.of(3, 7, 0.91, 2);
            a.set(1, 0, 123456789L);
            a.set(2, 3, Long.MAX_VALUE);
            Codec.Answer small = Codec.Answer.of(0, 0, 0.5, 1);
            assertEquals(a.encode(e).length, small.encode(e).length, e + ": every answer of a run has the same size");
            Codec.Answer back = Codec.Answer.decode(a.encode(e), e);
            assertEquals(3, back.exit());
            assertEquals(7, back.predicted());
            assertEquals(2, back.tier());
            assertEquals(0.91, back.confidence(), 1e-6);
            assertEquals(123456789L, back.instant(1, 0));
            assertEquals(Long.MAX_VALUE, back.instant(2, 3));
        }
        assertEquals(Codec.Answer.BINARY_BYTES, Codec.Answer.of(0, 0, 0, 1).encode(Codec.Encoding.BINARY).length);
    }

    @Test
    void shapesTravelInAHeader() {
        assertEquals("16,14,14", Codec.shapeHeader(new long[] {16, 14, 14}));
        assertArrayEquals(new long[] {1, 28, 28}, Codec.parseShape("1, 28,28"));
        assertEquals(784, Codec.elements(new long[] {1, 28, 28}));
    }
}
