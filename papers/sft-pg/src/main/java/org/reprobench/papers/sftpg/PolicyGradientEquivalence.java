package org.reprobench.papers.sftpg;

import java.util.ArrayList;
import java.util.List;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;

/**
 * Claim: gradient descent on the IPM and policy gradient are the same gradient. On the
 * linear-Gaussian chain the exact gradient is known, so each estimator's mean is compared with it
 * in units of its own standard error; the headline value is the largest |z| over the three
 * estimators and the ten step parameters.
 */
final class PolicyGradientEquivalence implements Experiment {

    private static final java.util.Map<String, List<LinearGaussianChain.Estimates>> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    static int chains(Profile p) {
        return p == Profile.SMOKE ? 20_000 : 200_000;
    }

    /**
     * The estimates of every seed of this context; both chain claims judge the same chains, so
     * the second one to run reads them here (plain Java numbers) instead of drawing them again.
     */
    static synchronized List<LinearGaussianChain.Estimates> estimates(RunContext ctx, LinearGaussianChain chain) {
        String key = ctx.profile().id() + ctx.seeds();
        List<LinearGaussianChain.Estimates> cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        List<LinearGaussianChain.Estimates> out = new ArrayList<>();
        for (long seed : ctx.seeds()) {
            ctx.checkDeadline();
            out.add(chain.estimate(ctx.manager(), seed, chains(ctx.profile())));
        }
        CACHE.put(key, out);
        return out;
    }

    @Override
    public List<Outcome> run(RunContext ctx) {
        GradMode.offForThisThread();
        ctx.useData("linear-Gaussian chain (T = 10, a = 0.9, sigma = 0.3, theta_k = 0.1; generated)", false, null);
        LinearGaussianChain chain = LinearGaussianChain.briefSetting();
        int n = chains(ctx.profile());
        List<LinearGaussianChain.Estimates> all = estimates(ctx, chain);
        List<Outcome> out = new ArrayList<>();
        for (int s = 0; s < all.size(); s++) {
            long seed = ctx.seeds().get(s);
            LinearGaussianChain.Estimates e = all.get(s);
            double zr = maxAbs(e.reinforce().zScores(e.exact()));
            double zb = maxAbs(e.withBaseline().zScores(e.exact()));
            double zp = maxAbs(e.pathwise().zScores(e.exact()));
            int last = chain.steps() - 1;
            out.add(Outcome.of(Math.max(zr, Math.max(zb, zp)))
                    .metric("max_abs_z_reinforce", zr)
                    .metric("max_abs_z_reinforce_baseline", zb)
                    .metric("max_abs_z_pathwise", zp)
                    .metric("exact_grad_k10", e.exact()[last])
                    .metric("reinforce_grad_k10", e.reinforce().mean()[last])
                    .metric("baseline_grad_k10", e.withBaseline().mean()[last])
                    .metric("pathwise_grad_k10", e.pathwise().mean()[last])
                    .note(n + " chains; |z| = |mean - exact| / standard error over 3 estimators x 10 parameters"));
            if (seed == ctx.seeds().get(0)) {
                double[] k = new double[chain.steps()];
                for (int i = 0; i < k.length; i++) {
                    k[i] = i + 1;
                }
                var chart = Plots.lines("dE[f(x0)]/dtheta_k: exact vs estimators (seed " + seed + ", " + n + " chains)",
                        "step k", "gradient");
                Plots.addLine(chart, "exact", k, e.exact());
                Plots.addLine(chart, "REINFORCE", k, e.reinforce().mean());
                Plots.addLine(chart, "REINFORCE + exact baseline", k, e.withBaseline().mean());
                Plots.addLine(chart, "path-wise (backprop)", k, e.pathwise().mean());
                ctx.savePlot("pg-vs-pathwise-gradient", chart);
            }
        }
        return out;
    }

    static double maxAbs(double[] xs) {
        double m = 0;
        for (double x : xs) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
