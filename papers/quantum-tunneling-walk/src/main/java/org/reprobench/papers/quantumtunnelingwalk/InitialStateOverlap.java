package org.reprobench.papers.quantumtunnelingwalk;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.reprobench.api.Outcome;
import org.reprobench.api.Plots;
import org.reprobench.api.Profile;
import org.reprobench.api.RunContext;

/**
 * Claim local-ground-state-overlap (the code's "initial state illustration"): the ground state of the
 * known well's local Hamiltonian lies mostly in the span of the three lowest global eigenstates,
 * sum_j <psi0, v_j>^2 over j = 0, 1, 2, for h from 0.1 to 1. Local regions as in the code:
 * [0, 2a) (the QTW's initial state), [0, 2a+b) and [0, 2a+2b). Eigenpairs by Sturm bisection and
 * inverse iteration (3 global, 1 local per h): scalar work, plain Java.
 */
public final class InitialStateOverlap {
    private InitialStateOverlap() {
    }

    public static List<Outcome> run(RunContext ctx) {
        int[] examples = ctx.profile() == Profile.SMOKE ? new int[] {1} : new int[] {1, 2, 3};
        int points = switch (ctx.profile()) {
            case SMOKE -> 10;
            case CI -> 19;
            case PAPER -> 100;
        };
        double[] hs = new double[points];
        for (int i = 0; i < points; i++) {
            hs[i] = 0.1 + 0.9 * i / (points - 1);
        }
        Outcome o = Outcome.derived();
        double worst = 1;
        XYChart chart = Plots.lines("Overlap of the local ground state with the 3 lowest global states", "h", "overlap");
        var progress = ctx.progress(examples.length);
        for (int ex : examples) {
            DoubleWellLandscape land = DoubleWellLandscape.example(ex);
            double[] etas = {2 * land.a(), 2 * land.a() + land.b(), 2 * land.a() + 2 * land.b()};
            String[] names = {"small", "middle", "large"};
            double[][] curves = new double[3][points];
            for (int i = 0; i < points; i++) {
                Hamiltonian1D ham = new Hamiltonian1D(land, hs[i], 512);
                double[][] low = ham.lowest(3).vectors();
                for (int r = 0; r < 3; r++) {
                    double[] u = ham.localGroundState(etas[r]);
                    double sum = 0;
                    for (double[] v : low) {
                        double d = TridiagonalEigen.dot(u, v);
                        sum += d * d;
                    }
                    curves[r][i] = sum;
                }
                ctx.checkDeadline();
            }
            for (int r = 0; r < 3; r++) {
                double min = java.util.Arrays.stream(curves[r]).min().orElseThrow();
                o.metric("ex" + ex + "_" + names[r] + "_min", min);
                o.metric("ex" + ex + "_" + names[r] + "_at_h1", curves[r][points - 1]);
                Plots.addLine(chart, "Ex" + ex + " " + names[r], hs, curves[r]);
            }
            double increase = 0;
            for (int i = 1; i < points; i++) {
                increase = Math.max(increase, curves[0][i] - curves[0][i - 1]);
            }
            o.metric("ex" + ex + "_small_largest_increase_in_h", increase);
            worst = Math.min(worst, java.util.Arrays.stream(curves[0]).min().orElseThrow());
            o.note(String.format("%s: overlap of the QTW initial state (region [0, 2a)) from %.3f (h = 0.1) to %.3f (h = 1)",
                    land.name(), curves[0][0], curves[0][points - 1]));
            progress.step();
        }
        o.withValue(worst);
        ctx.savePlot("initial-state-overlap", chart);
        return ctx.seeds().stream().map(x -> o).toList();
    }
}
