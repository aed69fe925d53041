package org.reprobench.papers.byzsgdnm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;

/**
 * The aggregators and attacks of the paper on synthetic vectors: 5 honest vectors N(mu, I) and 3
 * Byzantine ones in d = 1000, under each attack (outliers at growing distance, bit-flipping,
 * FoE, ALIE, NaN and infinite vectors). All scenarios are one {@code (R, 8, d)} block, so each
 * aggregator runs once for all of them. The aggregation error ||Agg - honest mean|| is measured
 * in units of rho, the root mean squared distance between honest vectors (Definition 1).
 */
public final class AggregatorRobustness {
    static final int WORKERS = 8;
    static final int BYZANTINE = 3;
    static final int DIM = 1000;

    /** Scenarios whose attack is unbounded in size: a robust rule must keep the error O(rho). */
    static final List<String> BREAKING = List.of("outlier-1e1", "outlier-1e2", "outlier-1e3", "outlier-1e4", "bit-flip",
            "FoE", "NaN", "Inf");
    static final List<String> SCENARIOS = new ArrayList<>(BREAKING);

    static {
        SCENARIOS.add("ALIE");
    }

    private AggregatorRobustness() {
    }

    /** Robust aggregators under test; CC gets 30 rounds on the same inputs and tau = rho / 2. */
    static Map<String, Function<NDManager, Aggregator>> robust(double tau) {
        Map<String, Function<NDManager, Aggregator>> m = new LinkedHashMap<>();
        m.put("CM", x -> new CoordinateMedian());
        m.put("GM", x -> new GeometricMedian(3, 0.1));
        m.put("KR", x -> new Krum(BYZANTINE));
        m.put("CC", x -> new CenteredClipping(tau, x));
        m.put("NNM+CM", x -> new NearestNeighbourMixing(BYZANTINE, new CoordinateMedian()));
        m.put("NNM+GM", x -> new NearestNeighbourMixing(BYZANTINE, new GeometricMedian(3, 0.1)));
        return m;
    }

    public static Experiment experiment() {
        return Experiment.perSeed((ctx, seed) -> {
            ctx.useData("synthetic Gaussian vectors (5 honest + 3 Byzantine, d = 1000)", true, null);
            try (NDManager m = ctx.manager().newSubManager()) {
                NDArray honest = honestBlock(m, seed); // (R, 5, d)
                NDArray truthMean = honest.mean(new int[] {1}); // (R, d)
                double rho = rho(honest);
                NDArray received = withAttacks(m, honest, seed);
                Outcome out = Outcome.derived();
                double worst = 0;
                String worstWhere = "";
                for (Map.Entry<String, Function<NDManager, Aggregator>> e : robust(rho / 2).entrySet()) {
                    Aggregator agg = e.getValue().apply(m);
                    NDArray a = null;
                    int rounds = agg instanceof CenteredClipping ? 30 : 1;
                    for (int i = 0; i < rounds; i++) {
                        a = agg.aggregate(received);
                    }
                    float[] err = a.sub(truthMean).norm(new int[] {1}).div(rho).toFloatArray();
                    double worstHere = 0;
                    for (int s = 0; s < SCENARIOS.size(); s++) {
                        if (BREAKING.contains(SCENARIOS.get(s))) {
                            worstHere = Math.max(worstHere, err[s]);
                            if (err[s] > worst) {
                                worst = err[s];
                                worstWhere = e.getKey() + " under " + SCENARIOS.get(s);
                            }
                        } else {
                            out.metric("alie_error_" + e.getKey(), err[s]);
                        }
                    }
                    out.metric("worst_error_" + e.getKey(), worstHere);
                }
                float[] meanErr = new MeanAggregator().aggregate(received).sub(truthMean).norm(new int[] {1}).div(rho)
                        .toFloatArray();
                out.metric("mean_error_outlier-1e4", meanErr[SCENARIOS.indexOf("outlier-1e4")]);
                out.metric("mean_error_bit-flip", meanErr[SCENARIOS.indexOf("bit-flip")]);
                out.metric("alie_error_mean", meanErr[SCENARIOS.indexOf("ALIE")]);
                out.metric("rho", rho);
                out.note("worst robust error " + String.format(Locale.ROOT, "%.3f rho", worst) + ": " + worstWhere);
                return out.withValue(worst);
            }
        });
    }

    /** One honest block per scenario, N(mu, I) with mu ~ N(0, I) drawn once per seed. */
    static NDArray honestBlock(NDManager m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = SCENARIOS.size();
        int honest = WORKERS - BYZANTINE;
        float[] mu = new float[DIM];
        for (int j = 0; j < DIM; j++) {
            mu[j] = (float) r.nextGaussian();
        }
        float[] x = new float[rows * honest * DIM];
        for (int i = 0; i < rows * honest; i++) {
            for (int j = 0; j < DIM; j++) {
                x[i * DIM + j] = mu[j] + (float) r.nextGaussian();
            }
        }
        return m.create(x, new Shape(rows, honest, DIM));
    }

    /** rho^2: mean squared distance between two different honest vectors, averaged over scenarios. */
    static double rho(NDArray honest) {
        NDArray d = PairwiseDistances.squared(honest); // (R, 5, 5), zero diagonal
        long h = honest.getShape().get(1);
        return Math.sqrt(d.sum().toType(DataType.FLOAT64, false).getDouble() / (honest.getShape().get(0) * h * (h - 1)));
    }

    /** The full {@code (R, 8, d)} block: Byzantine rows 0..2 crafted per scenario, honest rows after. */
    static NDArray withAttacks(NDManager m, NDArray honest, long seed) {
        NDList blocks = new NDList();
        SplittableRandom r = new SplittableRandom(seed + 17);
        for (int s = 0; s < SCENARIOS.size(); s++) {
            String name = SCENARIOS.get(s);
            NDArray h = honest.get("{}:{}", s, s + 1); // (1, 5, d)
            NDArray mu = h.mean(new int[] {1}); // (1, d)
            NDArray byz;
            if (name.startsWith("outlier-")) {
                double scale = Double.parseDouble(name.substring("outlier-".length()));
                byz = mu.add(scale).expandDims(1).broadcast(1, BYZANTINE, DIM);
            } else if (name.equals("NaN")) {
                byz = m.full(new Shape(1, BYZANTINE, DIM), Float.NaN);
            } else if (name.equals("Inf")) {
                byz = m.full(new Shape(1, BYZANTINE, DIM), Float.POSITIVE_INFINITY);
            } else {
                // The Byzantine workers' own true vectors: honest-like draws around the honest mean.
                float[] own = new float[BYZANTINE * DIM];
                float[] center = mu.toFloatArray();
                for (int i = 0; i < own.length; i++) {
                    own[i] = center[i % DIM] + (float) r.nextGaussian();
                }
                NDArray full = m.create(own, new Shape(1, BYZANTINE, DIM)).concat(h, 1);
                Attack attack = switch (name) {
                    case "bit-flip" -> new BitFlip();
                    case "FoE" -> new FallOfEmpires(0.1);
                    case "ALIE" -> LittleIsEnough.forWorkers(m, WORKERS, BYZANTINE);
                    default -> throw new IllegalArgumentException(name);
                };
                byz = attack.apply(full, BYZANTINE).get(":, 0:{}, :", BYZANTINE);
            }
            blocks.add(byz.concat(h, 1));
        }
        return NDArrays.concat(blocks, 0);
    }
}
