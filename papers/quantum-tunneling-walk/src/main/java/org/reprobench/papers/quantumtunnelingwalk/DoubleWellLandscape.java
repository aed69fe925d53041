package org.reprobench.papers.quantumtunnelingwalk;

/**
 * The paper's 1-D landscape (authors' code, Test 1): N harmonic wells of half-width a, joined by
 * Gaussian bumps. Well j covers [jP, jP+2a) with f = k (x - jP - a)^2 / 2; the barrier after it
 * covers [jP+2a, (j+1)P) with f = A exp(-y^2/sigma^2) + k a^2/2 - eps, y measured from the barrier
 * centre, P = 2a + 2b. The code uses A = 1/(2 pi sigma^2). The half-width b and the curvature k are
 * not free: f and f' are continuous at the junctions only if A exp(-b^2/sigma^2) = eps and
 * k a = 2 b eps / sigma^2, so (a, sigma, A, eps) fix the landscape.
 *
 * <p>Plain doubles: this is a scalar function of one coordinate.
 */
public record DoubleWellLandscape(String name, double a, double sigma, double amplitude, double eps,
                                  double b, double k, int wells) {

    /** The three examples of the code with their (a, sigma, eps); A = 1/(2 pi sigma^2). */
    public static DoubleWellLandscape example(int number) {
        return switch (number) {
            case 1 -> paperForm("Example 1 (critical)", 5, 1, 0.15);
            case 2 -> paperForm("Example 2 (flatness)", 5, 1, 0.009);
            case 3 -> paperForm("Example 3 (sharpness)", 5, 0.5, 0.0088);
            default -> throw new IllegalArgumentException("examples are 1, 2, 3: " + number);
        };
    }

    /** The code's QTW "Planck constant" h for each example. */
    public static double exampleH(int number) {
        return number == 3 ? 1.0 : 0.8;
    }

    /** The code's hard-coded SGD learning rates ("experiment determined s"). */
    public static double exampleCodeS(int number) {
        return switch (number) {
            case 1 -> 0.1525;
            case 2 -> 0.129;
            case 3 -> 0.189;
            default -> throw new IllegalArgumentException("examples are 1, 2, 3: " + number);
        };
    }

    /** The code's form: bump amplitude 1/(2 pi sigma^2); b and k from continuity. */
    public static DoubleWellLandscape paperForm(String name, double a, double sigma, double eps) {
        return fromJunction(name, a, sigma, 1 / (2 * Math.PI * sigma * sigma), eps);
    }

    static DoubleWellLandscape fromJunction(String name, double a, double sigma, double amplitude, double eps) {
        if (!(eps > 0 && eps < amplitude)) {
            throw new IllegalArgumentException("need 0 < eps < A for a bump that meets the wells: eps=" + eps + ", A=" + amplitude);
        }
        double b = sigma * Math.sqrt(Math.log(amplitude / eps));
        double k = 2 * b * eps / (sigma * sigma * a);
        return new DoubleWellLandscape(name, a, sigma, amplitude, eps, b, k, 3);
    }

    /**
     * A landscape with given well half-width a, curvature k, bump width sigma and amplitude A; eps
     * (and so b) solve the junction conditions eps sqrt(ln(A/eps)) = k sigma a / 2. Of the two
     * roots we take the small-eps one, where the bump's tails reach far into the junction.
     */
    public static DoubleWellLandscape withBump(String name, double a, double k, double sigma, double amplitude) {
        double target = k * sigma * a / 2;
        double top = amplitude * Math.exp(-0.5); // where eps sqrt(ln(A/eps)) peaks
        if (top * Math.sqrt(0.5) < target) {
            throw new IllegalArgumentException("no bump of width " + sigma + " and amplitude " + amplitude
                    + " meets wells of curvature " + k);
        }
        double lo = 1e-300;
        double hi = top;
        for (int i = 0; i < 200; i++) {
            double mid = Math.sqrt(lo * hi) > 0 && hi / lo > 1e3 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
            double g = mid * Math.sqrt(Math.log(amplitude / mid));
            if (g < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return fromJunction(name, a, sigma, amplitude, 0.5 * (lo + hi));
    }

    public double period() {
        return 2 * a + 2 * b;
    }

    /** Length of the box [0, L]: N wells and N-1 barriers. */
    public double length() {
        return 2 * (wells * a + (wells - 1) * b);
    }

    /** Start of the target (last) well; both QTW and SGD count a hit at x >= this. */
    public double targetStart() {
        return length() - 2 * a;
    }

    /** Value of f at the well rims, k a^2 / 2. */
    public double rim() {
        return k * a * a / 2;
    }

    /** Barrier top above the well bottoms (f = 0 there). */
    public double barrierHeight() {
        return rim() + amplitude - eps;
    }

    /** Area of the bump above the rim level plus eps, A sigma sqrt(pi). */
    public double bumpArea() {
        return amplitude * sigma * Math.sqrt(Math.PI);
    }

    private int segment(double x) {
        int j = (int) Math.floor(x / period());
        return Math.max(0, Math.min(wells - 1, j));
    }

    public double f(double x) {
        int j = segment(x);
        double u = x - j * period();
        if (j == wells - 1 || u < 2 * a) {
            return k * (u - a) * (u - a) / 2;
        }
        double y = u - period() + b;
        return amplitude * Math.exp(-y * y / (sigma * sigma)) + rim() - eps;
    }

    public double gradient(double x) {
        int j = segment(x);
        double u = x - j * period();
        if (j == wells - 1 || u < 2 * a) {
            return k * (u - a);
        }
        double y = u - period() + b;
        return -2 * amplitude * y / (sigma * sigma) * Math.exp(-y * y / (sigma * sigma));
    }
}
