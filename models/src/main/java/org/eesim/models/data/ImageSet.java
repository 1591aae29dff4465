package org.eesim.models.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Grey images as floats in [0, 1], row-major, one array per image, with their class labels.
 */
public record ImageSet(float[][] images, int[] labels, int rows, int cols) {

    public ImageSet {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("image size " + rows + "x" + cols);
        }
        for (float[] image : images) {
            if (image.length != rows * cols) {
                throw new IllegalArgumentException("an image has " + image.length + " pixels, not " + rows * cols);
            }
        }
    }

    public int size() {
        return labels.length;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), sharing the pixel arrays. */
    public ImageSet slice(int from, int to) {
        return new ImageSet(Arrays.copyOfRange(images, from, to), Arrays.copyOfRange(labels, from, to), rows, cols);
    }

    /** The same labels with new pixel arrays (a distorted copy). */
    public ImageSet withImages(float[][] newImages) {
        return new ImageSet(newImages, labels, rows, cols);
    }
}
