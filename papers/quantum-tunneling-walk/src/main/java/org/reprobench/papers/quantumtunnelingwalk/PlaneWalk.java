package org.reprobench.papers.quantumtunnelingwalk;

/**
 * The code's 2-D example (Test 2): on [-4a, 4a]^2 with n points per axis (dx = 8a/(n+1)), the loss is
 * the plateau H2 = 20 H1, a channel at H1 = omega^2 a^2 / 2 between the wells (a/sqrt2 <= x <= 2b - a/sqrt2,
 * |y| <= a/sqrt2), and two harmonic disks of radius a around (0,0) and (2b,0), assigned in that order.
 * H = -h^2 (5-point Laplacian) + f, walls at the box edges; time stepping by the same leap-frog as in 1-D.
 *
 * <p>Plain Java on padded arrays (a zero frame is the wall): the 5-point stencil on 40,000 points is a
 * few hundred microseconds per step here, whereas the same step as ~30 DJL calls costs several times
 * more (see {@code LeapfrogStepBenchmark}); the loop has nothing else to vectorise over.
 */
public final class PlaneWalk {
    public static final double A = 1;
    public static final double OMEGA = 0.5;
    public static final double B = 1.4;
    public static final double H1 = OMEGA * OMEGA * A * A / 2;
    public static final double H2 = 20 * H1;

    private final int n;
    private final int stride;
    private final double dx;
    private final double h;
    private final double kappa;
    private final double[] diag;     // padded 4 kappa + f
    private final double[] loss;     // padded f
    private final int[] targetIdx;   // padded indices of the target disk
    private final double[] coord;    // grid coordinates, x_i = -4a + (i+1) dx

    public PlaneWalk(int n, double h) {
        this.n = n;
        this.stride = n + 2;
        this.dx = 8 * A / (n + 1);
        this.h = h;
        this.kappa = h * h / (dx * dx);
        this.diag = new double[stride * stride];
        this.loss = new double[stride * stride];
        this.coord = new double[n];
        for (int i = 0; i < n; i++) {
            coord[i] = -4 * A + (i + 1) * dx;
        }
        int count = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double x = coord[c];
                double y = coord[r];
                int idx = (r + 1) * stride + c + 1;
                loss[idx] = potential(x, y);
                diag[idx] = 4 * kappa + loss[idx];
                count += inTarget(x, y) ? 1 : 0;
            }
        }
        this.targetIdx = new int[count];
        int k = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                if (inTarget(coord[c], coord[r])) {
                    targetIdx[k++] = (r + 1) * stride + c + 1;
                }
            }
        }
    }

    /** The code's f0, assignments in its order (later ones override). */
    public static double potential(double x, double y) {
        double f = H2;
        double half = A / Math.sqrt(2);
        if (x <= 2 * B - half && half <= x && -half <= y && y <= half) {
            f = H1;
        }
        if (x * x + y * y <= A * A) {
            f = (x * x + y * y) * OMEGA * OMEGA / 2;
        }
        if ((x - 2 * B) * (x - 2 * B) + y * y <= A * A) {
            f = ((x - 2 * B) * (x - 2 * B) + y * y) * OMEGA * OMEGA / 2;
        }
        return f;
    }

    static boolean inTarget(double x, double y) {
        return (x - 2 * B) * (x - 2 * B) + y * y <= A * A;
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

    public int paddedSize() {
        return stride * stride;
    }

    /** out = H v on the interior (the frame of out is left at zero). */
    public void apply(double[] v, double[] out) {
        for (int r = 1; r <= n; r++) {
            int base = r * stride;
            for (int idx = base + 1; idx <= base + n; idx++) {
                out[idx] = diag[idx] * v[idx] - kappa * (v[idx - 1] + v[idx + 1] + v[idx - stride] + v[idx + stride]);
            }
        }
    }

    /** sum |u|^2 over the target disk. */
    public double targetProbability(double[] q, double[] p) {
        double s = 0;
        for (int idx : targetIdx) {
            s += q[idx] * q[idx] + p[idx] * p[idx];
        }
        return s;
    }

    public static double norm(double[] q, double[] p) {
        double s = 0;
        for (int i = 0; i < q.length; i++) {
            s += q[i] * q[i] + p[i] * p[i];
        }
        return s;
    }

    /** sum f |u|^2. */
    public double expectedLoss(double[] q, double[] p) {
        double s = 0;
        for (int i = 0; i < q.length; i++) {
            s += loss[i] * (q[i] * q[i] + p[i] * p[i]);
        }
        return s;
    }

    /**
     * The code's initial state: the ground state of H restricted to the box [-a, a]^2 (walls around
     * it), zero-padded and normalised (sum |u|^2 = 1). Found by inverse iteration, each solve by
     * conjugate gradients (H is symmetric positive definite).
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
        boolean[] local = new boolean[stride * stride];
        for (int r = lo; r <= hi; r++) {
            for (int c = lo; c <= hi; c++) {
                local[(r + 1) * stride + c + 1] = true;
            }
        }
        double[] v = new double[stride * stride];
        double width = Math.sqrt(h * Math.sqrt(2) / OMEGA); // harmonic ground state ~ exp(-r^2 / (2 width^2)), a good start
        for (int r = lo; r <= hi; r++) {
            for (int c = lo; c <= hi; c++) {
                double x = coord[c];
                double y = coord[r];
                v[(r + 1) * stride + c + 1] = Math.exp(-(x * x + y * y) / (2 * width * width));
            }
        }
        normalise(v);
        double[] hv = new double[v.length];
        double rayleigh = Double.NaN;
        for (int it = 0; it < 200; it++) {
            applyMasked(v, hv, local);
            double next = dot(v, hv);
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
        return dot(v, hv) / dot(v, v);
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
        double rr = dot(r, r);
        double stop = 1e-26 * dot(rhs, rhs);
        for (int it = 0; it < 10_000 && rr > stop; it++) {
            applyMasked(p, ap, mask);
            double alpha = rr / dot(p, ap);
            for (int i = 0; i < x.length; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rrNew = dot(r, r);
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
            for (int r = 1; r <= n; r++) {
                int base = r * stride;
                for (int idx = base + 1; idx <= base + n; idx++) {
                    q[idx] += dt * (diag[idx] * p[idx] - kappa * (p[idx - 1] + p[idx + 1] + p[idx - stride] + p[idx + stride]));
                }
            }
        }

        /** hq = H q and p -= half hq, one pass. */
        private void kickWithStencil(double half) {
            for (int r = 1; r <= n; r++) {
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
            return PlaneWalk.norm(q, p);
        }

        public double energy() {
            apply(p, hp);
            return dot(q, hq) + dot(p, hp);
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

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static void normalise(double[] v) {
        double nrm = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= nrm;
        }
    }
}
