package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small network that holds one independent copy of its weights per seed: every parameter has a
 * leading seed axis, inputs are (seeds, batch, features), and linear layers are batched matrix
 * products. The seeds never mix (a per-seed loss only reaches that seed's slice), so S seeds
 * train in one DJL call per layer instead of S calls. Each seed's initial weights come from that
 * seed's own random stream, so a seed's run does not depend on which other seeds share the batch.
 */
public abstract class SeedBatchedNetwork {
    protected final int seeds;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    protected SeedBatchedNetwork(int seeds) {
        this.seeds = seeds;
    }

    public int seeds() {
        return seeds;
    }

    /** Named parameters, each with a leading seed axis. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    public List<NDArray> parameterList() {
        return new ArrayList<>(parameters.values());
    }

    /** Total number of weights of one seed's copy. */
    public long weightsPerSeed() {
        return parameters.values().stream().mapToLong(p -> p.size() / seeds).sum();
    }

    /** Per-seed copies of all weights, for tests and for restoring a state. */
    public Map<String, float[]> snapshot() {
        Map<String, float[]> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, v.toFloatArray()));
        return out;
    }

    public void restore(Map<String, float[]> values) {
        parameters.forEach((k, v) -> v.set(values.get(k)));
    }

    /** Initial values drawn per seed. */
    @FunctionalInterface
    protected interface Init {
        double draw(SplittableRandom rng);
    }

    protected NDArray parameter(NDManager m, String name, Shape perSeed, SplittableRandom[] rngs, Init init) {
        long n = perSeed.size();
        float[] data = new float[(int) (n * seeds)];
        for (int s = 0; s < seeds; s++) {
            for (int i = 0; i < n; i++) {
                data[(int) (s * n + i)] = (float) init.draw(rngs[s]);
            }
        }
        long[] dims = new long[perSeed.dimension() + 1];
        dims[0] = seeds;
        System.arraycopy(perSeed.getShape(), 0, dims, 1, perSeed.dimension());
        NDArray p = m.create(data, new Shape(dims));
        p.setRequiresGradient(true);
        parameters.put(name, p);
        return p;
    }

    /** torch.nn.Linear's default init: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias. */
    protected static Init torchDefault(int fanIn) {
        double bound = 1 / Math.sqrt(fanIn);
        return r -> (2 * r.nextDouble() - 1) * bound;
    }

    /** torch.nn.init.xavier_normal_: N(0, 2 / (fan_in + fan_out)). */
    protected static Init xavierNormal(int fanIn, int fanOut) {
        double std = Math.sqrt(2.0 / (fanIn + fanOut));
        return r -> std * r.nextGaussian();
    }

    /** A linear layer y = x W + b per seed; W is (seeds, in, out) so that x comes first in the product. */
    protected final class Linear {
        final NDArray w;
        final NDArray b;

        Linear(NDManager m, String name, int in, int out, SplittableRandom[] rngs, boolean xavier) {
            w = parameter(m, name + ".weight", new Shape(in, out), rngs, xavier ? xavierNormal(in, out) : torchDefault(in));
            b = parameter(m, name + ".bias", new Shape(1, out), rngs, torchDefault(in));
        }

        NDArray forward(NDArray x) {
            return x.batchMatMul(w).add(b);
        }
    }

    /**
     * The official ConditionalLinear: a linear layer whose output is multiplied elementwise by a
     * learned per-timestep vector (nn.Embedding(n_steps, out), initialised U(0, 1); weight
     * Xavier-normal). The timestep enters as a one-hot (seeds, batch or 1, steps) array.
     */
    protected final class ConditionalLinear {
        final Linear lin;
        final NDArray embed;

        ConditionalLinear(NDManager m, String name, int in, int out, int steps, SplittableRandom[] rngs) {
            lin = new Linear(m, name + ".lin", in, out, rngs, true);
            embed = parameter(m, name + ".embed", new Shape(steps, out), rngs, SplittableRandom::nextDouble);
        }

        NDArray forward(NDArray x, NDArray stepOneHot) {
            return lin.forward(x).mul(stepOneHot.batchMatMul(embed));
        }
    }
}
