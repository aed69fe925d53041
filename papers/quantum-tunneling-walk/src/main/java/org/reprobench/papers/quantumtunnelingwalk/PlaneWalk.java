package org.reprobench.papers.quantumtunnelingwalk;

/**
 * The code's 2-D example (Test 2): on [-4a, 4a]^2 with n points per axis (dx = 8a/(n+1)), the loss is
 * the plateau H2 = 20 H1, a channel at H1 = omega^2 a^2 / 2 between the wells (a/sqrt2 <= x <= 2b - a/sqrt2,
 * |y| <= a/sqrt2), and two harmonic disks of radius a around (0,0) and (2b,0), assigned in that order.
 * H = -h^2 (5-point Laplacian) + f, walls at the box edges; time stepping by the same leap-frog as in 1-D.
 *
 * <p>The landscape, the grid and the initial state are even in y, and H commutes with y -> -y, so the
 * walk stays even: only the rows with y >= 0 are stored (half the work). The row below the first stored
 * row is a ghost copy of its mirror image, refreshed before every stencil pass, and every sum weights a
 * stored row by the number of grid rows it stands for (2, or 1 for the row y = 0 when n is odd).
 * {@link #fullGrid} unfolds a state to the whole n x n grid; a test checks the folded walk against a
 * plain full-grid leap-frog.
 *
 * <p>Plain Java on padded arrays (a zero frame is the wall): a step on the ci grid's 20,000 stored points
 * takes under 0.1 ms here, whereas the same step as ~30 DJL calls costs over ten times more (see
 * {@code LeapfrogStepBenchmark}); the loop has nothing else to vectorise over.
 */
public final class PlaneWalk {
    public static final double A = 1;
    public static final double OMEGA = 0.5;
    public static final double B = 1.4;
    public static final double H1 = OMEGA * OMEGA * A * A / 2;
    public static final double H2 = 20 * H1;

    private final int n;
    private final int rows;          // stored rows: grid rows firstRow .. n-1 (y >= 0)
    private final int firstRow;
    private final int ghostSource;   // padded row whose values the ghost row 0 mirrors
    private final int stride;
    private final double dx;
    private final double h;
    private final double kappa;
    private final double[] diag;     // padded 4 kappa + f
    private final double[] loss;     // padded f
    private final double[] weight;   // grid rows per stored entry: 0 on the frame and ghost row, else 2 (or 1 at y = 0)
    private final int[] targetIdx;   // padded indices of the target disk
    private final double[] coord;    // grid coordinates, x_i = -4a + (i+1) dx (the same for y)

    public PlaneWalk(int n, double h) {
        this.n = n;
        this.rows = (n + 1) / 2;
        this.firstRow = n - rows;
        this.ghostSource = 2 * rows - n + 1;   // n even: stored row 1 mirrors grid row firstRow-1; n odd (row 1 is y = 0): row 2
        this.stride = n + 2;
        this.dx = 8 * A / (n + 1);
        this.h = h;
        this.kappa = h * h / (dx * dx);
        int size = paddedSize();
        this.diag = new double[size];
        this.loss = new double[size];
        this.weight = new double[size];
        this.coord = new double[n];
        for (int i = 0; i < n; i++) {
            coord[i] = -4 * A + (i + 1) * dx;
        }
        int count = 0;
        for (int r = 1; r <= rows; r++) {
            double y = coord[firstRow + r - 1];
            double rowWeight = (n % 2 == 1 && r == 1) ? 1 : 2;
            for (int c = 0; c < n; c++) {
                double x = coord[c];
                int idx = r * stride + c + 1;
                loss[idx] = potential(x, y);
                diag[idx] = 4 * kappa + loss[idx];
                weight[idx] = rowWeight;
                count += inTarget(x, y) ? 1 : 0;
            }
        }
        this.targetIdx = new int[count];
        int k = 0;
        for (int r = 1; r <= rows; r++) {
            for (int c = 0; c < n; c++) {
                if (inTarget(coord[c], coord[firstRow + r - 1])) {
                    targetIdx[k++] = r * stride + c + 1;
                }
            }
        }
    }

    /**
     * Points on a disk's edge belong to the disk (the code's {@code <=}). The slack keeps that true when
     * the grid coordinates round: at dx = 0.04 the point (-0.8, 0.6) would otherwise fall outside the
     * disk while its mirror image (-0.8, -0.6) falls inside, and the grid landscape would not be even in y.
     */
    private static final double EDGE = 1e-12;

    /** The code's f0, assignments in its order (later ones override). */
    public static double potential(double x, double y) {
        double f = H2;
        double half = A / Math.sqrt(2);
        if (x <= 2 * B - half && half <= x && -half <= y && y <= half) {
            f = H1;
        }
        if (x * x + y * y <= A * A + EDGE) {
            f = (x * x + y * y) * OMEGA * OMEGA / 2;
        }
        if (inTarget(x, y)) {
            f = ((x - 2 * B) * (x - 2 * B) + y * y) * OMEGA * OMEGA / 2;
        }
        return f;
    }

    static boolean inTarget(double x, double y) {
        return (x - 2 * B) * (x - 2 * B) + y * y <= A * A + EDGE;
    }

    public int n() {
        return n;
    }

    public double dx() {
        return dx;
    }

    public double h() {
        return h;
    }

    /** Length of a state vector: the stored rows plus the ghost row and the wall frame. */
    public int paddedSize() {
        return (rows + 2) * stride;
    }

    /** The n x n grid values (row-major, y then x) of a folded state: each stored row and its mirror image. */
    public double[] fullGrid(double[] v) {
        double[] out = new double[n * n];
        for (int r = 1; r <= rows; r++) {
            int up = firstRow + r - 1;
            int down = n - 1 - up;
            System.arraycopy(v, r * stride + 1, out, up * n, n);
            System.arraycopy(v, r * stride + 1, out, down * n, n);
        }
        return out;
    }

    /** The ghost row (just below the first stored row) takes the values of that row's mirror image. */
    private void refreshGhost(double[] v) {
        System.arraycopy(v, ghostSource * stride, v, 0, stride);
    }

    /** out = H v on the stored rows (the frame of out is left at zero); refreshes v's ghost row. */
    public void apply(double[] v, double[] out) {
        refreshGhost(v);
        for (int r = 1; r <= rows; r++) {
            int base = r * stride;
            for (int idx = base + 1; idx <= base + n; idx++) {
                out[idx] = diag[idx] * v[idx] - kappa * (v[idx - 1] + v[idx + 1] + v[idx - stride] + v[idx + stride]);
            }
        }
    }

    /** sum |u|^2 over the target disk (of the whole grid). */
    public double targetProbability(double[] q, double[] p) {
        double s = 0;
        for (int idx : targetIdx) {
            s += weight[idx] * (q[idx] * q[idx] + p[idx] * p[idx]);
        }
        return s;
    }

    /** sum |u|^2 over the whole grid. */
    public double norm(double[] q, double[] p) {
        return inner(q, q) + inner(p, p);
    }

    /** sum f |u|^2 over the whole grid. */
    public double expectedLoss(double[] q, double[] p) {
        double s = 0;
        for (int i = 0; i < q.length; i++) {
            s += weight[i] * loss[i] * (q[i] * q[i] + p[i] * p[i]);
        }
        return s;
    }

    /**
     * The code's initial state: the ground state of H restricted to the box [-a, a]^2 (walls around
     * it), zero-padded and normalised (sum |u|^2 = 1). Found by inverse iteration, each solve by
     * conjugate gradients (H is symmetric positive definite, and self-adjoint in the weighted inner
     * product of the folded grid).
     */
    public double[] localGroundState() {
        int lo = -1;
        int hi = -1;
        for (int i = 0; i < n; i++) {
            if (coord[i] >= -A - 1e-9 && lo < 0) {
                lo = i;
            }
            if (coord[i] <= A + 1e-9) {
                hi = i;
            }
        }
        boolean[] local = new boolean[paddedSize()];
        double[] v = new double[paddedSize()];
        double width = Math.sqrt(h * Math.sqrt(2) / OMEGA); // harmonic ground state ~ exp(-r^2 / (2 width^2)), a good start
        for (int r = Math.max(lo, firstRow); r <= hi; r++) {   // the box is symmetric: its stored half
            for (int c = lo; c <= hi; c++) {
                int idx = (r - firstRow + 1) * stride + c + 1;
                double x = coord[c];
                double y = coord[r];
                local[idx] = true;
                v[idx] = Math.exp(-(x * x + y * y) / (2 * width * width));
            }
        }
        normalise(v);
        double[] hv = new double[v.length];
        double rayleigh = Double.NaN;
        for (int it = 0; it < 200; it++) {
            applyMasked(v, hv, local);
            double next = inner(v, hv);
            double[] guess = v.clone();
            for (int i = 0; i < guess.length; i++) {
                guess[i] /= next;
            }
            double[] w = conjugateGradient(v, guess, local);
            normalise(w);
            v = w;
            if (Math.abs(next - rayleigh) < 1e-14 * Math.abs(next)) {
                break;
            }
            rayleigh = next;
        }
        return v;
    }

    /** The local ground-state energy reached by {@link #localGroundState()} (for tests). */
    public double energy(double[] v) {
        double[] hv = new double[v.length];
        apply(v, hv);
        return inner(v, hv) / inner(v, v);
    }

    private void applyMasked(double[] v, double[] out, boolean[] mask) {
        apply(v, out);
        for (int i = 0; i < out.length; i++) {
            if (!mask[i]) {
                out[i] = 0;
            }
        }
    }

    private double[] conjugateGradient(double[] rhs, double[] x0, boolean[] mask) {
        double[] x = x0.clone();
        double[] ax = new double[x.length];
        applyMasked(x, ax, mask);
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = mask[i] ? rhs[i] - ax[i] : 0;
        }
        double[] p = r.clone();
        double[] ap = new double[x.length];
        double rr = inner(r, r);
        double stop = 1e-26 * inner(rhs, rhs);
        for (int it = 0; it < 10_000 && rr > stop; it++) {
            applyMasked(p, ap, mask);
            double alpha = rr / inner(p, ap);
            for (int i = 0; i < x.length; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rrNew = inner(r, r);
            double beta = rrNew / rr;
            for (int i = 0; i < p.length; i++) {
                p[i] = r[i] + beta * p[i];
            }
            rr = rrNew;
        }
        return x;
    }

    /** Leap-frog state: q + i p, padded. */
    public final class State {
        final double[] q;
        final double[] p;
        final double[] hq;
        final double[] hp;
        double time;

        State(double[] initial) {
            q = initial.clone();
            p = new double[initial.length];
            hq = new double[initial.length];
            hp = new double[initial.length];
            apply(q, hq);
        }

        /**
         * Advances by duration in equal steps no longer than dtMax; calls onStep after each step if given.
         * Each step is kick(dt/2), drift(dt), kick(dt/2); the drift is fused into the stencil pass that
         * computes H p, and the closing kick into the pass that computes H q, so a step reads the grid
         * twice instead of five times.
         */
        public void advance(double duration, double dtMax, java.util.function.DoubleConsumer onStep) {
            int steps = (int) Math.ceil(duration / dtMax - 1e-9);
            double dt = duration / steps;
            for (int s = 0; s < steps; s++) {
                for (int i = 0; i < p.length; i++) {
                    p[i] -= 0.5 * dt * hq[i];
                }
                driftWithStencil(dt);
                kickWithStencil(0.5 * dt);
                time += dt;
                if (onStep != null) {
                    onStep.accept(time);
                }
            }
        }

        /** q += dt H p, one pass. */
        private void driftWithStencil(double dt) {
            refreshGhost(p);
            for (int r = 1; r <= rows; r++) {
                int base = r * stride;
                for (int idx = base + 1; idx <= base + n; idx++) {
                    q[idx] += dt * (diag[idx] * p[idx] - kappa * (p[idx - 1] + p[idx + 1] + p[idx - stride] + p[idx + stride]));
                }
            }
        }

        /** hq = H q and p -= half hq, one pass. */
        private void kickWithStencil(double half) {
            refreshGhost(q);
            for (int r = 1; r <= rows; r++) {
                int base = r * stride;
                for (int idx = base + 1; idx <= base + n; idx++) {
                    double h = diag[idx] * q[idx] - kappa * (q[idx - 1] + q[idx + 1] + q[idx - stride] + q[idx + stride]);
                    hq[idx] = h;
                    p[idx] -= half * h;
                }
            }
        }

        public double targetProbability() {
            return PlaneWalk.this.targetProbability(q, p);
        }

        public double norm() {
            return PlaneWalk.this.norm(q, p);
        }

        public double energy() {
            apply(p, hp);
            return inner(q, hq) + inner(p, hp);
        }

        /** The current real and imaginary parts (folded, for {@link #fullGrid}). */
        public double[][] parts() {
            return new double[][] {q.clone(), p.clone()};
        }

        public double time() {
            return time;
        }
    }

    public State start(double[] initial) {
        return new State(initial);
    }

    /** The code's step for the evolution and half-period runs: 0.2 dx^2 / h^2. */
    public double codeStep() {
        return 0.2 * dx * dx / (h * h);
    }

    /**
     * The code's half period: evolve 5 time units, then in chunks of 5 until P(target) >= 0.9 at a
     * chunk end; returns that time (the code's (i+1)*5), or -1 if the norm drifts to 1.1 or maxTime passes.
     */
    public double halfPeriod(double[] initial, double dtMax, double maxTime) {
        State s = start(initial);
        s.advance(5, dtMax, null);
        while (s.time() < maxTime - 1e-9) {
            s.advance(5, dtMax, null);
            if (s.norm() >= 1.1) {
                return -1;
            }
            if (s.targetProbability() >= 0.90) {
                return Math.round(s.time());
            }
        }
        return -1;
    }

    /** The whole grid's inner product of two folded states. */
    public double inner(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += weight[i] * a[i] * b[i];
        }
        return s;
    }

    private void normalise(double[] v) {
        double nrm = Math.sqrt(inner(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= nrm;
        }
    }
}
