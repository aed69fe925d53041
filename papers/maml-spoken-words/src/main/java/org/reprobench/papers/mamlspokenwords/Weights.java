package org.reprobench.papers.mamlspokenwords;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The parameters of {@link WordCnn} for several independent learners at once: every array has a
 * leading learner dimension L (one slice per seed in meta-training, one per task in an inner
 * loop), so one DJL call serves all of them. Order: per block (conv weight [L,C,Cin,3,3], conv
 * bias [L,C], batch-norm scale [L,C], batch-norm shift [L,C]), then projection weight [L,F,E] and
 * bias [L,E], then head weights [L,E,N] and biases [L,N]. The first {@link #encoderCount()} arrays
 * are the encoder (OML's representation network), the last two the heads.
 */
public final class Weights {
    private final CnnShape shape;
    private final NDArray[] arrays;

    public Weights(CnnShape shape, NDArray[] arrays) {
        if (arrays.length != count(shape)) {
            throw new IllegalArgumentException("expected " + count(shape) + " arrays, got " + arrays.length);
        }
        this.shape = shape;
        this.arrays = arrays.clone();
    }

    static int count(CnnShape s) {
        return 4 * s.blocks() + 4;
    }

    public CnnShape shape() {
        return shape;
    }

    public int size() {
        return arrays.length;
    }

    public NDArray get(int i) {
        return arrays[i];
    }

    public NDArray[] arrays() {
        return arrays.clone();
    }

    public int learners() {
        return Math.toIntExact(arrays[0].getShape().get(0));
    }

    /** Encoder arrays come first: convolutions, batch norms and the projection. */
    public int encoderCount() {
        return 4 * shape.blocks() + 2;
    }

    public boolean isHead(int i) {
        return i >= encoderCount();
    }

    NDArray convWeight(int block) {
        return arrays[4 * block];
    }

    NDArray convBias(int block) {
        return arrays[4 * block + 1];
    }

    NDArray normScale(int block) {
        return arrays[4 * block + 2];
    }

    NDArray normShift(int block) {
        return arrays[4 * block + 3];
    }

    NDArray projectionWeight() {
        return arrays[4 * shape.blocks()];
    }

    NDArray projectionBias() {
        return arrays[4 * shape.blocks() + 1];
    }

    NDArray headWeight() {
        return arrays[4 * shape.blocks() + 2];
    }

    NDArray headBias() {
        return arrays[4 * shape.blocks() + 3];
    }

    /** A new set with every array mapped (e.g. detached, copied, moved to a manager). */
    public Weights map(UnaryOperator<NDArray> f) {
        NDArray[] out = new NDArray[arrays.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(arrays[i]);
        }
        return new Weights(shape, out);
    }

    /** New arrays with each learner repeated {@code times} times in a row: [L,...] to [L*times,...] (differentiable). */
    public Weights repeatEach(int times) {
        return map(a -> times == 1 ? a.duplicate() : a.repeat(0, times));
    }

    /** The per-dimension shapes without the learner dimension, in order. */
    static List<Shape> slotShapes(CnnShape s) {
        List<Shape> out = new ArrayList<>();
        int in = 1;
        for (int b = 0; b < s.blocks(); b++) {
            out.add(new Shape(s.channels(), in, 3, 3));
            out.add(new Shape(s.channels()));
            out.add(new Shape(s.channels()));
            out.add(new Shape(s.channels()));
            in = s.channels();
        }
        out.add(new Shape(s.pooledFeatures(), s.embedding()));
        out.add(new Shape(s.embedding()));
        out.add(new Shape(s.embedding(), s.heads()));
        out.add(new Shape(s.heads()));
        return out;
    }

    /**
     * PyTorch's default initialisation, drawn for each learner from its own seed (so a learner's
     * weights do not depend on which other seeds run alongside): convolutions and linear layers
     * U(+-1/sqrt(fan_in)) for weights and biases, batch-norm scale 1 and shift 0, head weights
     * Xavier-uniform as in the official code (fan_in E, fan_out 1) and head biases U(+-1/sqrt(E)).
     */
    public static Weights initial(NDManager manager, CnnShape s, long[] seeds, DataType type) {
        List<Shape> slots = slotShapes(s);
        double[][] values = new double[slots.size()][];
        for (int i = 0; i < slots.size(); i++) {
            values[i] = new double[Math.toIntExact(slots.get(i).size() * seeds.length)];
        }
        for (int l = 0; l < seeds.length; l++) {
            Random r = Streams.random(seeds[l], "init");
            int in = 1;
            for (int b = 0; b < s.blocks(); b++) {
                double bound = 1 / Math.sqrt(in * 9.0);
                fill(values[4 * b], l, slots.get(4 * b).size(), r, bound);
                fill(values[4 * b + 1], l, s.channels(), r, bound);
                Arrays.fill(values[4 * b + 2], l * s.channels(), (l + 1) * s.channels(), 1.0);
                in = s.channels();
            }
            int p = 4 * s.blocks();
            double projBound = 1 / Math.sqrt(s.pooledFeatures());
            fill(values[p], l, slots.get(p).size(), r, projBound);
            fill(values[p + 1], l, s.embedding(), r, projBound);
            fill(values[p + 2], l, slots.get(p + 2).size(), r, Math.sqrt(6.0 / (s.embedding() + 1)));
            fill(values[p + 3], l, s.heads(), r, 1 / Math.sqrt(s.embedding()));
        }
        NDArray[] arrays = new NDArray[slots.size()];
        for (int i = 0; i < arrays.length; i++) {
            Shape full = new Shape(seeds.length).addAll(slots.get(i));
            arrays[i] = manager.create(values[i], full).toType(type, false);
        }
        return new Weights(s, arrays);
    }

    private static void fill(double[] into, int learner, long n, Random r, double bound) {
        int start = Math.toIntExact(learner * n);
        for (int k = 0; k < n; k++) {
            into[start + k] = (2 * r.nextDouble() - 1) * bound;
        }
    }

    /** Copies to the Java heap (float64), one array per slot, learners concatenated. */
    public double[][] toHost() {
        double[][] out = new double[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i].toType(DataType.FLOAT64, false).toDoubleArray();
        }
        return out;
    }

    /** The inverse of {@link #toHost()} for {@code learners} learners. */
    public static Weights fromHost(NDManager manager, CnnShape s, double[][] host, int learners, DataType type) {
        List<Shape> slots = slotShapes(s);
        NDArray[] arrays = new NDArray[slots.size()];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = manager.create(host[i], new Shape(learners).addAll(slots.get(i))).toType(type, false);
        }
        return new Weights(s, arrays);
    }
}
