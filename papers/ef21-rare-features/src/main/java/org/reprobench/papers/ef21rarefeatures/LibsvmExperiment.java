package org.reprobench.papers.ef21rarefeatures;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Progress;
import org.reprobench.datasets.DataHome;

/**
 * Claim 5 (one claim per LIBSVM set, paper profile only): logistic regression over 300 clients;
 * EF21-Top1 with the official code's adaptive rare-features step (c/n re-estimated every round
 * from the EF errors, L+ = min(L~, sqrt(c/n) max L_i)) against standard EF21, same rounds and so
 * same bits; GD with 1/L reported at equal bits. Value: final ||grad f||^2 of the new step over
 * that of the standard step (below 1 when the new step wins).
 */
final class LibsvmExperiment {
    private LibsvmExperiment() {
    }

    static Experiment create(LibsvmSet set) {
        return Experiment.perSeed((ctx, seed) -> {
            Path file = set.ensure(DataHome.fromEnvironment());
            ctx.useData("LIBSVM " + set.fileName(), false, LibsvmSet.sha256(file));
            LogisticClients clients = LogisticClients.build(LibsvmFile.read(file), LibsvmSet.CLIENTS, set.trainFraction, seed,
                    ctx.manager());
            Progress progress = ctx.progress(set.ef21Rounds + (long) set.gdRounds);
            return compare(clients, set.ef21Rounds, set.gdRounds, ctx.manager(), t -> progress.step());
        });
    }

    /** Runs new-step EF21, standard EF21 and GD on the clients and reports the comparison. */
    static Outcome compare(LogisticClients c, int ef21Rounds, int gdRounds, NDManager manager, IntConsumer onRound) {
        double alpha = 1.0 / c.d(); // Top1 on a dense d-vector, as the official code credits it
        double root = StepSizes.sqrtBetaOverTheta(alpha);
        double gammaStandard = 1 / (c.l() + c.lTilde() * root);
        double[] adaptiveCn = new double[1];
        DistributedMethods.StepRule rule = new DistributedMethods.StepRule() {
            @Override
            public double[] gammas(int round, double[] concentration) {
                double cn = round == 0 || Double.isNaN(concentration[0]) ? 1.0 : Math.min(1.0, concentration[0] / c.n());
                adaptiveCn[0] = cn;
                double lPlus = Math.min(c.lTilde(), Math.sqrt(cn) * c.lMax());
                return new double[] {1 / (c.l() + lPlus * root * Math.sqrt(cn)), gammaStandard};
            }

            @Override
            public boolean adaptive() {
                return true;
            }
        };
        double[] twoCopies = new double[2 * c.n() * c.m() * c.d()];
        System.arraycopy(c.a(), 0, twoCopies, 0, c.a().length);
        System.arraycopy(c.a(), 0, twoCopies, c.a().length, c.a().length);
        double[] twoLabels = new double[2 * c.y().length];
        System.arraycopy(c.y(), 0, twoLabels, 0, c.y().length);
        System.arraycopy(c.y(), 0, twoLabels, c.y().length, c.y().length);
        DistributedMethods.Run ef21;
        try (ClientBatch batch = new ClientBatch(twoCopies, twoLabels, 2, c.n(), c.m(), c.d(), ClientBatch.Loss.LOGISTIC, manager)) {
            ef21 = DistributedMethods.ef21Top1(batch, new double[2 * c.d()], rule, ef21Rounds, manager, onRound);
        }
        DistributedMethods.Run gd;
        try (ClientBatch batch = new ClientBatch(c.a(), c.y(), 1, c.n(), c.m(), c.d(), ClientBatch.Loss.LOGISTIC, manager)) {
            gd = DistributedMethods.gradientDescent(batch, new double[c.d()], new double[] {1 / c.l()}, gdRounds, manager, onRound);
        }
        double newFinal = ef21.gradNormSq()[0][ef21Rounds];
        double standardFinal = ef21.gradNormSq()[1][ef21Rounds];
        // Equal bits: EF21 sends 32 bits per round (the code's count), GD 32 d bits.
        int gdAtEqualBits = Math.min(gdRounds, ef21Rounds / c.d());
        return Outcome.of(newFinal / standardFinal)
                .metric("final_gradnormsq_new", newFinal).metric("final_gradnormsq_standard", standardFinal)
                .metric("gd_gradnormsq_equal_bits", gd.gradNormSq()[0][gdAtEqualBits])
                .metric("gradnormsq_start", ef21.gradNormSq()[0][0])
                .metric("last_adaptive_c_over_n", adaptiveCn[0]).metric("c_empirical_over_n", c.cEmpirical() / (double) c.n())
                .metric("d", c.d()).metric("m", c.m()).metric("L", c.l()).metric("Lmax", c.lMax()).metric("Ltilde", c.lTilde())
                .note("x0 = 0; EF21 " + ef21Rounds + " rounds, GD " + gdAtEqualBits + " rounds at equal bits (32 bits per EF21 round, 32 d per GD round)");
    }
}
