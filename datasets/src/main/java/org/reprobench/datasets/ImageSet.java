package org.reprobench.datasets;

/**
 * A labelled image set held in memory: pixels scaled to [0,1], each image row-major
 * {@code height*width} (channel-major {@code channels*height*width} for colour sets, see
 * {@link #channels()}).
 *
 * @param images   one float array per image
 * @param labels   class index per image, in {@code [0, classes)}
 * @param height   image height in pixels
 * @param width    image width in pixels
 * @param classes  number of classes
 * @param label    human-readable name of the data and its origin, for provenance
 * @param standIn  true when this data stands in for the paper's own data set
 * @param sha256   SHA-256 identifying the source files (see {@link Checksums#combine})
 */
public record ImageSet(float[][] images, int[] labels, int height, int width, int classes,
                       String label, boolean standIn, String sha256) {

    public ImageSet {
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
    }

    /** Number of images. */
    public int size() {
        return images.length;
    }

    /** Colour channels: 1 for grey images, 3 for CIFAR-10 (planes R, G, B). */
    public int channels() {
        return images.length == 0 ? 1 : images[0].length / (height * width);
    }

    /** The first {@code n} images (all of them if fewer), same label and checksum. */
    public ImageSet head(int n) {
        int k = Math.min(n, size());
        return new ImageSet(java.util.Arrays.copyOf(images, k), java.util.Arrays.copyOf(labels, k),
                height, width, classes, label, standIn, sha256);
    }
}
