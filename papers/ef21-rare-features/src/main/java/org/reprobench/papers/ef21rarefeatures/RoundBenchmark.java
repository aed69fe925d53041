package org.reprobench.papers.ef21rarefeatures;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One EF21-Top1 round and one GD round on the paper's synthetic size (n = 100 clients, d = 500,
 * m = 12), all clients in one batched tensor op. A benchmark call runs {@link #ROUNDS} rounds
 * (so the set-up of the state tensors is amortised) and reports time per round; the result is
 * validated in tear-down (finite; for GD with step 1/L on a quadratic ||grad f|| cannot grow).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundBenchmark {
    static final int ROUNDS = 20;

    @Param({"0.05", "0.9"})
    public double cOverN;

    private NDManager manager;
    private RareFeaturesProblem problem;
    private ClientBatch batch;
    private double[] start;
    private double ef21Gamma;
    private double gdGamma;
    private double lastEf21;
    private double lastGd;

    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager();
        problem = SyntheticGenerator.generate(100, 500, ProfileSettings.SAMPLES_PER_CLIENT, cOverN, 456);
        SmoothnessConstants s = SmoothnessConstants.of(problem, manager);
        ef21Gamma = StepSizes.top1(s, StepSizes.Alpha.CODE_K_OVER_D).gammaRareFeatures();
        gdGamma = 1 / s.l();
        batch = ClientBatch.of(List.of(problem), manager);
        start = problem.x0();
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(ROUNDS)
    public double ef21Round() {
        DistributedMethods.Run r = DistributedMethods.ef21Top1(batch, start, DistributedMethods.StepRule.fixed(new double[] {ef21Gamma}),
                ROUNDS, manager, t -> { });
        lastEf21 = r.gradNormSq()[0][ROUNDS] / r.gradNormSq()[0][0];
        return lastEf21;
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(ROUNDS)
    public double gdRound() {
        DistributedMethods.Run r = DistributedMethods.gradientDescent(batch, start, new double[] {gdGamma}, ROUNDS, manager, t -> { });
        lastGd = r.gradNormSq()[0][ROUNDS] / r.gradNormSq()[0][0];
        return lastGd;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batch.close();
        manager.close();
        // 0 means that benchmark did not run in this trial
        if (lastEf21 != 0 && !(Double.isFinite(lastEf21) && lastEf21 > 0)) {
            throw new IllegalStateException("EF21 produced ||grad f||^2 ratio " + lastEf21);
        }
        if (lastGd != 0 && !(lastGd < 1)) {
            throw new IllegalStateException("GD with step 1/L did not reduce ||grad f||^2 (ratio " + lastGd + ")");
        }
    }
}
