package org.reprobench.papers.mamlspokenwords;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The inputs of an {@link EpisodeBatch} as tensors: each set of examples as [B, T, H, W] (example
 * b of task t at [b, t]), and labels as one-hot rows [1, B, width] shared by all tasks (the
 * leading 1 broadcasts over the learners).
 */
public final class EpisodeTensors {
    private final EpisodeBatch batch;
    private final NDArray[] support;
    private final NDArray templates;
    private final NDArray queries;
    private final NDManager manager;

    /** Gathers the clips from {@code bank} ([clips, H*W], the type the model computes in) into {@code manager}. */
    public EpisodeTensors(EpisodeBatch batch, NDArray bank, CnnShape shape, NDManager manager) {
        this.batch = batch;
        this.manager = manager;
        this.support = new NDArray[batch.groupCount()];
        for (int g = 0; g < support.length; g++) {
            support[g] = gather(bank, batch.supportRows(g), shape);
        }
        this.templates = gather(bank, batch.templateRows(), shape);
        this.queries = gather(bank, batch.queryRows(), shape);
    }

    private NDArray gather(NDArray bank, int[] rows, CnnShape shape) {
        int tasks = batch.tasks();
        NDArray index = manager.create(rows);
        NDArray picked = bank.get(index); // created in the bank's manager: move it into ours at once
        picked.attach(manager);
        index.close();
        return picked.reshape(rows.length / tasks, tasks, shape.height(), shape.width());
    }

    public EpisodeBatch batch() {
        return batch;
    }

    public NDArray support(int g) {
        return support[g];
    }

    public NDArray templates() {
        return templates;
    }

    public NDArray queries() {
        return queries;
    }

    /** One-hot labels [1, K*|g|, width] of group g's support. */
    public NDArray supportLabels(int g, int width) {
        int n = Math.toIntExact(support[g].getShape().get(0));
        int[] labels = new int[n];
        for (int b = 0; b < n; b++) {
            labels[b] = batch.supportLabel(g, b);
        }
        return oneHot(labels, width);
    }

    /** One-hot labels [1, N, width] of the templates (label i at row i). */
    public NDArray templateLabels(int width) {
        int[] labels = new int[batch.plan().classes()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i;
        }
        return oneHot(labels, width);
    }

    public NDArray queryLabels(int width) {
        return oneHot(queryLabelArray(), width);
    }

    public int[] queryLabelArray() {
        int[] labels = new int[Math.toIntExact(queries.getShape().get(0))];
        for (int b = 0; b < labels.length; b++) {
            labels[b] = batch.queryLabel(b);
        }
        return labels;
    }

    private NDArray oneHot(int[] labels, int width) {
        float[] v = new float[labels.length * width];
        for (int b = 0; b < labels.length; b++) {
            if (labels[b] >= width) {
                throw new IllegalArgumentException("label " + labels[b] + " outside " + width + " logits");
            }
            v[b * width + labels[b]] = 1f;
        }
        return manager.create(v, new Shape(1, labels.length, width)).toType(queries.getDataType(), false);
    }
}
