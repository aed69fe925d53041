package org.reprobench.papers.mamlspokenwords;

/**
 * Sizes of the word classifier: {@code blocks} blocks of (3x3 convolution with stride 2 and padding
 * 1, ReLU, batch norm with batch statistics) on a 1 x {@code height} x {@code width} MFCC image
 * (frequency x time), then either a max over time ({@code poolTime}) or a flatten, a linear
 * projection to {@code embedding} features and {@code heads} per-class heads (ReLU, then one
 * linear unit each).
 *
 * <p>The official code: 4 blocks of 64 channels, flatten (64 x 3 x 7 = 1344 features), a 256-feature
 * embedding. The stand-in runs pool over time; the card says why.
 */
public record CnnShape(int blocks, int channels, int embedding, int heads, int height, int width, boolean poolTime) {

    public CnnShape {
        if (blocks < 1 || channels < 1 || embedding < 1 || heads < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("all sizes must be positive: " + this);
        }
    }

    /** The official code's encoder and heads for MFCC-39 x 101 inputs and N final classes. */
    public static CnnShape official(int classes) {
        return new CnnShape(4, 64, 256, classes, 39, 101, false);
    }

    /** Rows (or columns) left after the stride-2 blocks: ceil(n / 2) per block. */
    int afterBlocks(int n) {
        for (int b = 0; b < blocks; b++) {
            n = (n + 1) / 2;
        }
        return n;
    }

    /** Features entering the projection: channels x frequency rows (x time columns unless pooled). */
    public int pooledFeatures() {
        return channels * afterBlocks(height) * (poolTime ? 1 : afterBlocks(width));
    }
}
