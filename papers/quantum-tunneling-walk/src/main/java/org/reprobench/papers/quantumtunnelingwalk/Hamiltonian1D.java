package org.reprobench.papers.quantumtunnelingwalk;

/**
 * The QTW Hamiltonian of the code, H = -h^2 d^2/dx^2 + f, on n interior grid points x_i = i dx of
 * [0, L] with dx = L/(n+1), 3-point Laplacian and walls (Dirichlet) at the box edges. It is
 * tridiagonal: diagonal 2h^2/dx^2 + f(x_i), off-diagonal -h^2/dx^2. States are stored as unit
 * vectors u = psi sqrt(dx), so that sum u^2 = sum |psi|^2 dx = 1.
 */
public final class Hamiltonian1D {
    private final DoubleWellLandscape landscape;
    private final double h;
    private final int n;
    private final double dx;
    private final double[] x;
    private final double[] f;
    private final double[] diag;
    private final double[] off;

    public Hamiltonian1D(DoubleWellLandscape landscape, double h, int n) {
        this.landscape = landscape;
        this.h = h;
        this.n = n;
        this.dx = landscape.length() / (n + 1);
        this.x = new double[n];
        this.f = new double[n];
        this.diag = new double[n];
        this.off = new double[n - 1];
        double c = h * h / (dx * dx);
        for (int i = 0; i < n; i++) {
            x[i] = (i + 1) * dx;
            f[i] = landscape.f(x[i]);
            diag[i] = 2 * c + f[i];
            if (i < n - 1) {
                off[i] = -c;
            }
        }
    }

    public DoubleWellLandscape landscape() {
        return landscape;
    }

    public double h() {
        return h;
    }

    public int size() {
        return n;
    }

    public double dx() {
        return dx;
    }

    public double[] grid() {
        return x.clone();
    }

    public double[] loss() {
        return f.clone();
    }

    public double[] diagonal() {
        return diag.clone();
    }

    /** The (constant) off-diagonal entry -h^2/dx^2. */
    public double offDiagonal() {
        return off.length > 0 ? off[0] : 0;
    }

    public TridiagonalEigen.Pairs lowest(int k) {
        return TridiagonalEigen.lowest(diag, off, k);
    }

    /** Grid points of the target well, x >= L - 2a (the code's success test). */
    public boolean[] targetMask() {
        boolean[] t = new boolean[n];
        double start = landscape.targetStart();
        for (int i = 0; i < n; i++) {
            t[i] = x[i] >= start;
        }
        return t;
    }

    /** Number of grid points of the local region [0, eta): the code's ng = fix(eta/dx). */
    public int localPoints(double eta) {
        return (int) Math.floor(eta / dx);
    }

    /** Largest eigenvalue of H restricted to the local region; the code's leap-frog step is its inverse. */
    public double localLargestEigenvalue(double eta) {
        int ng = localPoints(eta);
        double[] d = new double[ng];
        double[] e = new double[ng - 1];
        for (int i = 0; i < ng; i++) {
            d[i] = -diag[i];
            if (i < ng - 1) {
                e[i] = -off[i];
            }
        }
        return -TridiagonalEigen.lowest(d, e, 1).values()[0];
    }

    /**
     * The code's initial state: the ground state of H restricted to [0, eta) (walls at its ends),
     * made non-negative with abs(), normalised and zero-padded to the whole box.
     */
    public double[] localGroundState(double eta) {
        int ng = localPoints(eta);
        double[] d = new double[ng];
        double[] e = new double[ng - 1];
        System.arraycopy(diag, 0, d, 0, ng);
        System.arraycopy(off, 0, e, 0, ng - 1);
        double[] g = TridiagonalEigen.lowest(d, e, 1).vectors()[0];
        double[] u = new double[n];
        double norm = 0;
        for (int i = 0; i < ng; i++) {
            norm += g[i] * g[i];
        }
        for (int i = 0; i < ng; i++) {
            u[i] = Math.abs(g[i]) / Math.sqrt(norm);
        }
        return u;
    }

    /** (H v)_i for a real vector. */
    public void apply(double[] v, double[] out) {
        double c = off.length > 0 ? off[0] : 0;
        for (int i = 0; i < n; i++) {
            double s = diag[i] * v[i];
            if (i > 0) {
                s += c * v[i - 1];
            }
            if (i < n - 1) {
                s += c * v[i + 1];
            }
            out[i] = s;
        }
    }
}
