package org.reprobench.datasets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.nio.FloatBuffer;

/**
 * An {@link ImageSet} as a DJL dataset: data (channels, height, width) float32 in [0,1], label a
 * float32 scalar (the class index, as DJL's softmax cross-entropy takes it). Use
 * {@link Builder#optSeededSampling} for a reproducible shuffled order.
 */
public final class ImageDataset extends RandomAccessDataset {
    private final ImageSet set;

    private ImageDataset(Builder b) {
        super(b);
        this.set = b.set;
    }

    public static Builder builder(ImageSet set) {
        return new Builder(set);
    }

    public ImageSet imageSet() {
        return set;
    }

    @Override
    public Record get(NDManager manager, long index) {
        int i = Math.toIntExact(index);
        NDArray x = manager.create(set.images()[i], new Shape(set.channels(), set.height(), set.width()));
        NDArray y = manager.create((float) set.labels()[i]);
        return new Record(new NDList(x), new NDList(y));
    }

    @Override
    protected long availableSize() {
        return set.size();
    }

    @Override
    public void prepare(Progress progress) {
        // everything is in memory already
    }

    /**
     * The whole set as one DJL {@link ArrayDataset} (data [n, c, h, w], labels [n]) in
     * {@code manager}, batched in a seeded shuffled order: the fast path for sets that fit in memory.
     */
    public static ArrayDataset toArrayDataset(ImageSet set, NDManager manager, int batchSize, long seed) {
        int per = set.channels() * set.height() * set.width();
        FloatBuffer buf = FloatBuffer.allocate(set.size() * per);
        for (float[] img : set.images()) {
            buf.put(img);
        }
        buf.flip();
        float[] labels = new float[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.labels()[i];
        }
        NDArray x = manager.create(buf, new Shape(set.size(), set.channels(), set.height(), set.width()));
        NDArray y = manager.create(labels);
        return new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(SeededSampler.batches(seed, batchSize, false)).build();
    }

    /** Builder; a sampler must be set ({@link #optSeededSampling} or DJL's {@code setSampling}). */
    public static final class Builder extends BaseBuilder<Builder> {
        private final ImageSet set;

        Builder(ImageSet set) {
            this.set = set;
        }

        /** Batches of {@code batchSize} in an order drawn from {@code seed}. */
        public Builder optSeededSampling(int batchSize, long seed) {
            return setSampling(SeededSampler.batches(seed, batchSize, false));
        }

        @Override
        protected Builder self() {
            return this;
        }

        public ImageDataset build() {
            return new ImageDataset(this);
        }
    }
}
