package org.reprobench.papers.hawkesgranger;

import java.util.Arrays;
import java.util.List;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;

/**
 * Claim: our log-likelihood equals the official one on the README example, at the true parameters
 * and at phase 1's initial point (mu0 from numpy seed 1234, A = 0), full memory. The value is
 * the DJL evaluation; the direct quadratic sum of the definition is reported beside it.
 */
final class ExampleLikelihoodExperiment {
    private ExampleLikelihoodExperiment() {
    }

    static Experiment atTruth() {
        return Experiment.perSeed((ctx, seed) -> evaluate(ctx, ExampleData.TRUE_MU, ExampleData.TRUE_A));
    }

    static Experiment atInitialPoint() {
        int d = ExampleData.TYPES;
        return Experiment.perSeed((ctx, seed) -> evaluate(ctx, ExampleData.initialMu(), new double[d][d]));
    }

    private static Outcome evaluate(org.reprobench.api.RunContext ctx, double[] mu, double[][] a) throws Exception {
        EventSequences data = ExampleData.load();
        ctx.useData(ExampleData.LABEL, false, ExampleData.SHA256);
        ExcitationFeatures features = ExcitationFeatures.of(data, ExampleData.BETA);
        double ours;
        try (SurrogateLikelihood lik = SurrogateLikelihood.allTypes(ctx.manager(), List.of(features))) {
            ours = Arrays.stream(lik.logLikelihood(SurrogateLikelihood.blocksOf(new double[][] {mu}, new double[][][] {a}))).sum();
        }
        double direct = DirectLikelihood.logLikelihood(data, mu, a, ExampleData.BETA, Double.POSITIVE_INFINITY);
        return Outcome.of(ours)
                .metric("direct_sum", direct)
                .metric("djl_minus_direct", ours - direct)
                .metric("events", data.eventCount())
                .metric("sequences", data.sequenceCount())
                .note(String.format(java.util.Locale.ROOT, "log-likelihood %.17g (DJL float64), %.17g (direct double loop)", ours, direct));
    }
}
