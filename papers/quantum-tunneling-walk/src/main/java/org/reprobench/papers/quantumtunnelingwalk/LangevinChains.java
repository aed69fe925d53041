package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.reprobench.api.RunContext;

/**
 * Many independent SGD chains x' = x - s grad f(x) - s xi, stepped together on DJL (float64,
 * state [chains, d]). A proposal outside the domain is rejected (the chain stays put), as in the
 * code. Every chain keeps its own parameters (a row of {@code params}), so chains on different
 * landscapes share one batch. Chains that have hit the target are dropped every
 * {@link #COMPACT_EVERY} steps, so the batch shrinks as the hitting times are collected.
 */
public final class LangevinChains {
    static final int COMPACT_EVERY = 32;

    /** One family of landscapes, written as batched NDArray operations. */
    public interface Dynamics {
        /** grad f at x [m, d] for chains with parameters params [m, p]. */
        NDArray gradient(NDArray x, NDArray params);

        /** Whether a proposal [m, d] lies in the domain: boolean [m]. */
        NDArray inDomain(NDArray proposal, NDArray params);

        /** Whether x [m, d] is in the target: boolean [m]. */
        NDArray inTarget(NDArray x, NDArray params);
    }

    /** Steps to first hit per chain (in input order); {@code Double.NaN} where the cap came first. */
    public record Hits(double[] steps, long stepsRun) {
        public int censored() {
            int c = 0;
            for (double v : steps) {
                c += Double.isNaN(v) ? 1 : 0;
            }
            return c;
        }
    }

    private LangevinChains() {
    }

    /** One SGD step with rejection; the building block (and the JMH subject). */
    public static NDArray step(NDArray x, NDArray params, NDArray noiseMask, double s, Dynamics dyn) {
        NDManager m = x.getManager();
        NDArray xi = m.randomNormal(0f, 1f, x.getShape(), DataType.FLOAT64);
        if (noiseMask != null) {
            xi = xi.mul(noiseMask);
        }
        NDArray proposal = x.sub(dyn.gradient(x, params).add(xi).mul(s));
        NDArray ok = dyn.inDomain(proposal, params).reshape(-1, 1).broadcast(x.getShape());
        return NDArrays.where(ok, proposal, x);
    }

    /**
     * Runs all chains from x0 [m, d] until each hits or maxSteps pass. noiseMask [m, d] (or null)
     * zeroes the noise of unused coordinates, so chains of different dimension share one batch.
     */
    public static Hits run(NDManager parent, long seed, NDArray x0, NDArray params, NDArray noiseMask, double s,
                           Dynamics dyn, long maxSteps, RunContext ctx) {
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        int chains = (int) x0.getShape().get(0);
        double[] result = new double[chains];
        java.util.Arrays.fill(result, Double.NaN);
        try (NDManager run = parent.newSubManager()) {
            NDArray x = x0.duplicate();
            x.attach(run);
            NDArray p = params.duplicate();
            p.attach(run);
            NDArray mask = noiseMask == null ? null : noiseMask.duplicate();
            if (mask != null) {
                mask.attach(run);
            }
            NDArray ids = run.arange(0, chains, 1, DataType.FLOAT64);
            NDArray first = run.zeros(new Shape(chains), DataType.FLOAT64);
            long t = 0;
            while (t < maxSteps && x.getShape().get(0) > 0) {
                try (NDManager block = run.newSubManager()) {
                    // work on copies owned by the block, so every temporary of these steps is freed with it
                    NDArray xb = inBlock(x, block);
                    NDArray pb = inBlock(p, block);
                    NDArray mb = mask == null ? null : inBlock(mask, block);
                    NDArray fb = inBlock(first, block);
                    for (int k = 0; k < COMPACT_EVERY && t < maxSteps; k++) {
                        t++;
                        NDArray next = step(xb, pb, mb, s, dyn);
                        NDArray hitNow = dyn.inTarget(next, pb).logicalAnd(fb.eq(0)).toType(DataType.FLOAT64, false);
                        fb = fb.add(hitNow.mul(t));
                        xb = next;
                    }
                    // collect finished chains, keep the rest
                    double[] f = fb.toDoubleArray();
                    double[] id = ids.toDoubleArray();
                    int open = 0;
                    for (int i = 0; i < f.length; i++) {
                        if (f[i] > 0) {
                            result[(int) id[i]] = f[i];
                        } else {
                            open++;
                        }
                    }
                    NDArray keep = fb.eq(0);
                    NDArray nx = rows(xb, keep);
                    NDArray np = rows(pb, keep);
                    NDArray nm = mb == null ? null : rows(mb, keep);
                    NDArray nid = inBlock(ids, block).booleanMask(keep);
                    for (NDArray a : new NDArray[] {nx, np, nm, nid}) {
                        if (a != null) {
                            a.attach(run);
                        }
                    }
                    x.close();
                    p.close();
                    if (mask != null) {
                        mask.close();
                    }
                    ids.close();
                    first.close();
                    x = nx;
                    p = np;
                    mask = nm;
                    ids = nid;
                    first = run.zeros(new Shape(open), DataType.FLOAT64);
                }
                if (ctx != null) {
                    ctx.checkDeadline();
                }
            }
            return new Hits(result, t);
        }
    }

    /** The rows of a [m, k] array where keep [m] is true (DJL's booleanMask wants equal shapes). */
    private static NDArray rows(NDArray a, NDArray keep) {
        long cols = a.getShape().get(1);
        return a.booleanMask(keep.reshape(-1, 1).broadcast(a.getShape())).reshape(-1, cols);
    }

    private static NDArray inBlock(NDArray a, NDManager block) {
        NDArray copy = a.duplicate();
        copy.attach(block);
        return copy;
    }

    /** Mean and standard error of the finite entries. */
    public static double[] meanAndStandardError(double[] v, double scale) {
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x * scale;
                s2 += x * scale * x * scale;
                n++;
            }
        }
        double mean = s / n;
        double var = (s2 - n * mean * mean) / Math.max(1, n - 1);
        return new double[] {mean, Math.sqrt(Math.max(var, 0) / n)};
    }
}
