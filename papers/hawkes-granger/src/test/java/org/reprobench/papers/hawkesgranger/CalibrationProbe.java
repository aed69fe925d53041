package org.reprobench.papers.hawkesgranger;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: how the thresholds of the fresh-simulation claims were set. Prints, per seed, what
 * {@link FreshRecoveryExperiment} measures (same truths, data seeds and schedule). Run with the
 * test classpath, e.g.
 * {@code java -cp papers/hawkes-granger/target/test-classes:papers/hawkes-granger/target/classes:$(cat papers/hawkes-granger/target/cp.txt) org.reprobench.papers.hawkesgranger.CalibrationProbe 10 20}
 * (arguments: d, number of seeds, optionally M).
 */
public final class CalibrationProbe {
    private CalibrationProbe() {
    }

    public static void main(String[] args) {
        int d = Integer.parseInt(args[0]);
        int seeds = Integer.parseInt(args[1]);
        int sequences = args.length > 2 ? Integer.parseInt(args[2]) : ExampleData.SEQUENCES;
        List<ExcitationFeatures> features = new ArrayList<>();
        List<DagRecipe.Truth> truths = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            DagRecipe.Truth truth = d == ExampleData.TYPES
                    ? new DagRecipe.Truth(ExampleData.TRUE_MU, ExampleData.TRUE_A, ExampleData.DAG_SEED)
                    : DagRecipe.generate(d, ExampleData.DAG_SEED + FreshRecoveryExperiment.GRAPH_SEED_STRIDE * (seed - 1));
            EventSequences data = ReluHawkesSimulator.generate(new Mt19937(FreshRecoveryExperiment.DATA_SEED_BASE + seed),
                    truth.mu(), truth.a(), ExampleData.BETA, ExampleData.HORIZON, sequences);
            truths.add(truth);
            features.add(ExcitationFeatures.of(data, ExampleData.BETA, ExampleData.GRADIENT_MEMORY));
        }
        TwoPhaseFit.Settings settings = TwoPhaseFit.Settings.official();
        double[][] mu0 = new double[seeds][];
        Arrays.fill(mu0, FreshRecoveryExperiment.initialMu(d));
        try (NDManager m = NDManager.newBaseManager(); SurrogateLikelihood objective = SurrogateLikelihood.allTypes(m, features)) {
            TwoPhaseFit.PhaseOne p1 = TwoPhaseFit.phaseOne(objective, null, mu0, settings, () -> { });
            for (int s = 0; s < seeds; s++) {
                TwoPhaseFit.Estimate e = TwoPhaseFit.phaseTwo(m, features.get(s), p1.mu()[s], p1.a()[s], p1.rowGradientNorms()[s],
                        settings, () -> { });
                GraphMetrics.Recovery after = GraphMetrics.recovery(truths.get(s).a(), e.a(), FreshRecoveryExperiment.THRESHOLD);
                GraphMetrics.Recovery before = GraphMetrics.recovery(truths.get(s).a(), e.phase1A(), FreshRecoveryExperiment.THRESHOLD);
                System.out.printf(Locale.ROOT, "d=%d seed %d: signed F1 %.3f (phase 1 %.3f), support F1 %.3f, sign accuracy %.3f, "
                        + "inhibitory %d/%d, L1 %.3f (phase 1 %.3f), rows %s%n", d, s + 1, after.signedF1(), before.signedF1(),
                        after.supportF1(), after.signAccuracy(), after.inhibitoryFound(), after.inhibitoryTrue(),
                        GraphMetrics.l1(e.a(), truths.get(s).a()), GraphMetrics.l1(e.phase1A(), truths.get(s).a()),
                        Arrays.toString(e.selectedRows()));
            }
        }
    }
}
