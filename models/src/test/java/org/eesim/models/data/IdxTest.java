package org.eesim.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    /** Pixels above 127 must stay bright: 200 reads as 200/255, not as a negative int8. */
    @Test
    void readsUnsignedPixelsFromGzippedIdx() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(0x803);
            out.writeInt(2);
            out.writeInt(1);
            out.writeInt(2);
            out.write(new byte[] {0, (byte) 200, (byte) 255, 127});
        }
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x801);
            out.writeInt(2);
            out.write(new byte[] {3, 9});
        }
        ImageSet set = new DataSource("test", dir, "nothing").train();
        assertEquals(2, set.size());
        assertArrayEquals(new float[] {0f, 200 / 255f}, set.images()[0]);
        assertArrayEquals(new float[] {1f, 127 / 255f}, set.images()[1]);
        assertArrayEquals(new int[] {3, 9}, set.labels());
    }

    @Test
    void missingFilesNameThePackageToInstall() {
        IOException e = assertThrows(IOException.class,
                () -> new DataSource("fashion-mnist", dir, "apt-get install -y dataset-fashion-mnist").test());
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte") && e.getMessage().contains("dataset-fashion-mnist"),
                e.getMessage());
    }
}
