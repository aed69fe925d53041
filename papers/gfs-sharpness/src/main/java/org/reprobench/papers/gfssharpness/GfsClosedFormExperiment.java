package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;

/**
 * Claim scalar-gfs-closed-form: the closed-form GFS sharpness phi(w0) (from the conserved imbalances)
 * equals the sharpness where gradient flow actually ends. The flow is integrated by the adaptive
 * Dormand-Prince 5(4) pair from random initialisations of every depth (one row each, all at once)
 * until the loss is below 1e-22 (where the integrator's error control, not the flow, sets the pace); there the exact Hessian's top eigenvalue is compared with phi(w0),
 * and the end point with the closed-form limit S(w0).
 */
final class GfsClosedFormExperiment {
    static final double FLOW_LOSS = 1e-22;
    static final double RTOL = 1e-12;
    static final double ATOL = 1e-14;

    private GfsClosedFormExperiment() {
    }

    static Experiment create() {
        return Experiment.perSeed((ctx, seed) -> {
            ctx.useData("scalar networks: one example (x = 1, y = 1), random initialisations per seed", false, null);
            int per = Settings.flowChecksPerDepth(ctx.profile());
            Random rnd = new Random(seed);
            List<double[]> inits = new ArrayList<>();
            List<Integer> depths = new ArrayList<>();
            for (int d : Settings.DEPTHS) {
                for (int k = 0; k < per; k++) {
                    inits.add(ScalarSweep.initialWeights(d, Settings.Y, rnd));
                    depths.add(d);
                }
            }
            try (NDManager m = ctx.manager().newSubManager()) {
                ScalarNetworks nets = new ScalarNetworks(depths.stream().mapToInt(Integer::intValue).toArray(), Settings.Y, m);
                NDArray w0 = nets.weights(inits.toArray(new double[0][]), m);
                ScalarGfs.Solution closed = ScalarGfs.solve(nets, w0, null);
                NDArray limit = ScalarGfs.flowLimit(nets, w0, closed.c());
                NDArray h0 = closed.sharpness().pow(-1).mul(0.1);
                DormandPrince.Result flow = DormandPrince.integrate(w -> nets.gradient(w).neg(), w0, h0, RTOL, ATOL,
                        w -> nets.loss(w).lt(FLOW_LOSS), 100_000, ctx::checkDeadline);
                NDArray top = Eigen.topSymmetric(nets.hessian(flow.y()), 300);
                double relErr = top.sub(closed.sharpness()).abs().div(closed.sharpness()).max().getDouble();
                double endpoint = flow.y().sub(limit).abs().max().getDouble();
                // the flow conserves w_i^2 - w_1^2; the integrator's drift in them bounds its error
                NDArray imbalance0 = w0.square().sub(w0.square().get(":, 0:1")).mul(nets.mask);
                NDArray imbalance1 = flow.y().square().sub(flow.y().square().get(":, 0:1")).mul(nets.mask);
                double drift = imbalance1.sub(imbalance0).abs().max().getDouble();
                int unfinished = (int) ScalarGfs.asDouble(flow.finished().logicalNot()).sum().getDouble();
                return Outcome.of(relErr)
                        .metric("networks", inits.size())
                        .metric("unfinished_flows", unfinished)
                        .metric("largest_endpoint_distance_to_closed_form_limit", endpoint)
                        .metric("largest_drift_of_conserved_imbalance", drift)
                        .metric("steps_tried", flow.attempts())
                        .metric("steps_accepted_max", flow.maxAccepted())
                        .note("value: largest |lambda_max(Hessian at the flow's end) - phi(w0)| / phi(w0) over "
                                + inits.size() + " initialisations, depths 2, 3, 4, 6");
            }
        });
    }
}
