package org.reprobench.papers.sgldiff;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The deterministic workhorse: one stationary Fokker-Planck solve (4001 cells, 2 subsets, eta = 0.025). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FokkerPlanckBenchmark {
    private final double[] grid = StationaryFokkerPlanck.grid(-10, 10, 4001);
    private final double[][] potentials = FractionalPowerBound.problem().potentialsOnGrid(grid);

    @Benchmark
    public double solve() {
        double var = StationaryFokkerPlanck.solve(grid, potentials, 0.025, Switching.UNIFORM).variance();
        // validated on the spot: the closed form is 1 + eta/(1 + eta)
        if (Math.abs(var - (1 + 0.025 / 1.025)) > 1e-4) {
            throw new IllegalStateException("Fokker-Planck variance " + var + " is off the closed form");
        }
        return var;
    }
}
