package org.eesim.models.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader of the IDX files MNIST and Fashion-MNIST ship in (plain or gzip-compressed).
 * Pixels are unsigned bytes: they are read as ints and scaled to [0, 1] here, never through a
 * signed byte array (DJL's {@code NDManager.create(byte[])} is int8 and turns 200 into -56).
 */
public final class Idx {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private Idx() {
    }

    public static ImageSet read(Path images, Path labels) throws IOException {
        int[] classes = readLabels(labels);
        try (DataInputStream in = open(images)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new IOException(images + ": not an IDX image file (magic 0x" + Integer.toHexString(magic) + ")");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count != classes.length) {
                throw new IOException(images + ": " + count + " images but " + labels + " has " + classes.length + " labels");
            }
            byte[] buffer = new byte[rows * cols];
            float[][] pixels = new float[count][rows * cols];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                for (int p = 0; p < buffer.length; p++) {
                    pixels[i][p] = (buffer[p] & 0xFF) / 255f;
                }
            }
            return new ImageSet(pixels, classes, rows, cols);
        }
    }

    static int[] readLabels(Path labels) throws IOException {
        try (DataInputStream in = open(labels)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new IOException(labels + ": not an IDX label file (magic 0x" + Integer.toHexString(magic) + ")");
            }
            int[] classes = new int[in.readInt()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = in.readUnsignedByte();
            }
            return classes;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        return new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
    }
}
