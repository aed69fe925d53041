package org.reprobench.papers.sftpg;

import java.util.ArrayList;
import java.util.List;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.RunContext;

/**
 * Claim: a state-dependent baseline keeps the policy gradient unbiased and lowers its variance.
 * Same chain as {@link PolicyGradientEquivalence}, with the exact baseline E[f(x_0) | x_t]; the
 * headline value is the worst (largest) per-parameter variance ratio with/without baseline.
 */
final class BaselineVarianceReduction implements Experiment {

    @Override
    public List<Outcome> run(RunContext ctx) {
        GradMode.offForThisThread();
        ctx.useData("linear-Gaussian chain (T = 10, a = 0.9, sigma = 0.3, theta_k = 0.1; generated)", false, null);
        LinearGaussianChain chain = LinearGaussianChain.briefSetting();
        List<LinearGaussianChain.Estimates> all = PolicyGradientEquivalence.estimates(ctx, chain);
        List<Outcome> out = new ArrayList<>();
        for (int s = 0; s < all.size(); s++) {
            long seed = ctx.seeds().get(s);
            LinearGaussianChain.Estimates e = all.get(s);
            double[] vr = e.reinforce().variance();
            double[] vb = e.withBaseline().variance();
            double[] vp = e.pathwise().variance();
            double worst = 0;
            double best = Double.POSITIVE_INFINITY;
            double pathwiseWorst = 0;
            for (int k = 0; k < vr.length; k++) {
                worst = Math.max(worst, vb[k] / vr[k]);
                best = Math.min(best, vb[k] / vr[k]);
                pathwiseWorst = Math.max(pathwiseWorst, vp[k] / vr[k]);
            }
            out.add(Outcome.of(worst)
                    .metric("max_variance_ratio_baseline", worst)
                    .metric("min_variance_ratio_baseline", best)
                    .metric("max_variance_ratio_pathwise", pathwiseWorst)
                    .metric("max_abs_z_reinforce_baseline",
                            PolicyGradientEquivalence.maxAbs(e.withBaseline().zScores(e.exact())))
                    .note("variance ratio = Var(REINFORCE with exact baseline) / Var(REINFORCE), per step parameter"));
            if (seed == ctx.seeds().get(0)) {
                double[] k = new double[vr.length];
                for (int i = 0; i < k.length; i++) {
                    k[i] = i + 1;
                }
                var chart = Plots.lines("Per-chain variance of the gradient estimators (seed " + seed + ")", "step k",
                        "variance (log scale)");
                chart.getStyler().setYAxisLogarithmic(true);
                Plots.addLine(chart, "REINFORCE", k, vr);
                Plots.addLine(chart, "REINFORCE + exact baseline", k, vb);
                Plots.addLine(chart, "path-wise (backprop)", k, vp);
                ctx.savePlot("estimator-variance", chart);
            }
        }
        return out;
    }
}
