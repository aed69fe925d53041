package org.reprobench.papers.quantumtunnelingwalk;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One leap-frog time step of the 2-D walk on the ci grid (199 x 199, h = 0.26): the plain-Java
 * stencil the experiments use (on the folded half grid, see {@link PlaneWalk}), and the same step on
 * the full grid written with DJL operations (the comparison that justifies plain Java here: divide the
 * DJL time by two for the like-for-like cost). Teardown checks that the step kept the norm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LeapfrogStepBenchmark {
    private PlaneWalk walk;
    private PlaneWalk.State state;
    private double dt;
    private NDManager manager;
    private NDArray q;
    private NDArray p;
    private NDArray diag;
    private double kappa;

    @Setup(Level.Trial)
    public void setUp() {
        walk = new PlaneWalk(199, 0.26);
        double[] ground = walk.localGroundState();
        state = walk.start(ground);
        dt = walk.codeStep();
        manager = NDManager.newBaseManager();
        int n = walk.n();
        double[] inner = walk.fullGrid(ground);
        double[] d = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double x = -4 + (c + 1) * walk.dx();
                double y = -4 + (r + 1) * walk.dx();
                d[r * n + c] = PlaneWalk.potential(x, y);
            }
        }
        kappa = 0.26 * 0.26 / (walk.dx() * walk.dx());
        q = manager.create(inner, new Shape(n, n));
        p = manager.zeros(new Shape(n, n), q.getDataType());
        diag = manager.create(d, new Shape(n, n)).add(4 * kappa);
    }

    @Benchmark
    public double javaStencilStep() {
        state.advance(dt, dt, null);
        return state.time();
    }

    @Benchmark
    public NDArray djlStep() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray qs = q.duplicate();
            qs.attach(sub);
            NDArray ps = p.duplicate();
            ps.attach(sub);
            NDArray pHalf = ps.sub(apply(qs).mul(0.5 * dt));
            NDArray qNew = qs.add(apply(pHalf).mul(dt));
            NDArray pNew = pHalf.sub(apply(qNew).mul(0.5 * dt));
            qNew.attach(manager);
            pNew.attach(manager);
            q.close();
            p.close();
            q = qNew;
            p = pNew;
            return q;
        }
    }

    /** H v with zero walls: pad by one and add the four shifted copies. */
    private NDArray apply(NDArray v) {
        long n = v.getShape().get(0);
        NDArray padded = v.getManager().zeros(new Shape(n + 2, n + 2), v.getDataType());
        padded.set(new NDIndex("1:" + (n + 1) + ", 1:" + (n + 1)), v);
        NDArray neighbours = padded.get(new NDIndex("0:" + n + ", 1:" + (n + 1)))
                .add(padded.get(new NDIndex("2:" + (n + 2) + ", 1:" + (n + 1))))
                .add(padded.get(new NDIndex("1:" + (n + 1) + ", 0:" + n)))
                .add(padded.get(new NDIndex("1:" + (n + 1) + ", 2:" + (n + 2))));
        return v.mul(diag).sub(neighbours.mul(kappa));
    }

    @TearDown(Level.Trial)
    public void check() {
        double norm = state.norm();
        double djlNorm = q.square().sum().getDouble() + p.square().sum().getDouble();
        manager.close();
        if (Math.abs(norm - 1) > 1e-3 || Math.abs(djlNorm - 1) > 1e-3) {
            throw new IllegalStateException("leap-frog lost the norm: java " + norm + ", djl " + djlNorm);
        }
    }
}
