package org.reprobench.papers.hawkesgranger;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.Progress;

/**
 * Claim: on fresh data from the exact ReLU-Hawkes sampler ({@link ReluHawkesSimulator}), the
 * two-phase fit with the official schedule recovers the signed Granger-causal graph.
 *
 * <p>d = 5: the README example's ground truth, new data per seed. d = 10: a new ground truth per
 * seed from the official recipe ({@link DagRecipe}, start seed 6789 + 1000 (seed - 1)) with its
 * two forced inhibitory entries. Both: beta 0.8, T = 240, M = 100 sequences, gradient memory 8,
 * phase-1 start as in the README (numpy seed 1234). Phase 1 runs for all seeds at once (one DJL
 * batch); phase 2 per seed.
 *
 * <p>Edges are the entries with |A_hat| &gt; 0.05 (half the smallest true magnitude, 0.1). Value
 * ({@link Value}): the F1 of the signed support (an edge found with the wrong sign counts as a
 * false positive and a false negative), or the share of the inhibitory entries found negative.
 */
final class FreshRecoveryExperiment {
    static final double THRESHOLD = 0.05;
    static final long DATA_SEED_BASE = 1234;
    static final long GRAPH_SEED_STRIDE = 1000;
    static final int SMOKE_SEQUENCES = 30;

    private FreshRecoveryExperiment() {
    }

    /** What a seed's outcome value is. */
    enum Value {
        /** F1 of the signed support. */
        SIGNED_F1,
        /** Share of the true inhibitory entries recovered with the negative sign. */
        INHIBITORY_SHARE
    }

    static Experiment of(int d, Value value) {
        return ctx -> {
            List<Long> seeds = ctx.seeds();
            int sequences = ctx.profile() == Profile.SMOKE ? SMOKE_SEQUENCES : ExampleData.SEQUENCES;
            ctx.useData("simulated: exact ReLU-Hawkes thinning, d = " + d + ", M = " + sequences
                    + ", T = " + (int) ExampleData.HORIZON, false, null);
            Progress progress = ctx.progress(2L * seeds.size() + 1);
            List<DagRecipe.Truth> truths = new ArrayList<>();
            List<ExcitationFeatures> features = new ArrayList<>();
            List<Integer> eventCounts = new ArrayList<>();
            for (long seed : seeds) {
                DagRecipe.Truth truth = d == ExampleData.TYPES
                        ? new DagRecipe.Truth(ExampleData.TRUE_MU, ExampleData.TRUE_A, ExampleData.DAG_SEED)
                        : DagRecipe.generate(d, ExampleData.DAG_SEED + GRAPH_SEED_STRIDE * (seed - 1));
                EventSequences data = ReluHawkesSimulator.generate(new Mt19937(DATA_SEED_BASE + seed), truth.mu(), truth.a(),
                        ExampleData.BETA, ExampleData.HORIZON, sequences);
                truths.add(truth);
                eventCounts.add(data.eventCount());
                features.add(ExcitationFeatures.of(data, ExampleData.BETA, ExampleData.GRADIENT_MEMORY));
                progress.step();
            }
            TwoPhaseFit.Settings settings = TwoPhaseFit.Settings.official();
            double[] init = initialMu(d);
            double[][] mu0 = new double[seeds.size()][];
            Arrays.fill(mu0, init);
            List<Outcome> outcomes = new ArrayList<>();
            XYChart scatter = Plots.scatter("Fresh simulations, d = " + d + ": recovered vs true A entries", "true A[i][j]", "A_hat[i][j]");
            List<double[]> truePoints = new ArrayList<>();
            List<double[]> phase1Points = new ArrayList<>();
            List<double[]> phase2Points = new ArrayList<>();
            try (NDManager sub = ctx.manager().newSubManager();
                 SurrogateLikelihood objective = SurrogateLikelihood.allTypes(sub, features)) {
                TwoPhaseFit.PhaseOne p1 = TwoPhaseFit.phaseOne(objective, null, mu0, settings, ctx::checkDeadline);
                progress.step();
                for (int s = 0; s < seeds.size(); s++) {
                    TwoPhaseFit.Estimate e = TwoPhaseFit.phaseTwo(sub, features.get(s), p1.mu()[s], p1.a()[s],
                            p1.rowGradientNorms()[s], settings, ctx::checkDeadline);
                    DagRecipe.Truth truth = truths.get(s);
                    GraphMetrics.Recovery after = GraphMetrics.recovery(truth.a(), e.a(), THRESHOLD);
                    GraphMetrics.Recovery before = GraphMetrics.recovery(truth.a(), e.phase1A(), THRESHOLD);
                    double inhibitoryShare = (double) after.inhibitoryFound() / after.inhibitoryTrue();
                    outcomes.add(Outcome.of(value == Value.SIGNED_F1 ? after.signedF1() : inhibitoryShare)
                            .metric("signed_f1", after.signedF1())
                            .metric("inhibitory_share", inhibitoryShare)
                            .metric("support_f1", after.supportF1())
                            .metric("sign_accuracy", after.signAccuracy())
                            .metric("inhibitory_true", after.inhibitoryTrue())
                            .metric("inhibitory_found", after.inhibitoryFound())
                            .metric("signed_f1_phase1", before.signedF1())
                            .metric("l1_error_a", GraphMetrics.l1(e.a(), truth.a()))
                            .metric("l1_error_a_phase1", GraphMetrics.l1(e.phase1A(), truth.a()))
                            .metric("rows_screened", e.selectedRows().length)
                            .metric("events", eventCounts.get(s))
                            .note(String.format(Locale.ROOT, "seed %d: graph seed %d, TP %d FP %d FN %d (signed), rows %s",
                                    seeds.get(s), truth.seedUsed(), after.signedTruePositives(), after.signedFalsePositives(),
                                    after.signedFalseNegatives(), Arrays.toString(e.selectedRows()))));
                    truePoints.add(flat(truth.a()));
                    phase1Points.add(flat(e.phase1A()));
                    phase2Points.add(flat(e.a()));
                    progress.step();
                }
            }
            scatter.addSeries("after phase 2", concat(truePoints), concat(phase2Points));
            scatter.addSeries("after phase 1 only", concat(truePoints), concat(phase1Points));
            ctx.savePlot("fresh-d" + d + "-recovery", scatter);
            return outcomes;
        };
    }

    /** The README's phase-1 start: |rand(d)| * 0.05 after numpy seed 1234. */
    static double[] initialMu(int d) {
        double[] mu = new Mt19937(ExampleData.INIT_SEED).nextDoubles(d);
        for (int i = 0; i < d; i++) {
            mu[i] = Math.abs(mu[i]) * 0.05;
        }
        return mu;
    }

    private static double[] flat(double[][] a) {
        return Arrays.stream(a).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }
}
