package org.reprobench.datasets.audio;

/**
 * A discrete Fourier transform of any length (mixed radix, decimation in time: radix-4 and
 * radix-2 butterflies, other prime factors by a small direct DFT), so that the 400-point frames
 * of the spoken-word features need no zero-padding to a power of two. Forward transform, no
 * scaling: {@code X[k] = sum_n x[n] exp(-2 pi i k n / N)}. {@link #realPower} transforms a real
 * frame through a complex transform of half the length.
 */
public final class Fft {
    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final int maxFactor;
    private final Fft half;

    public Fft(int n) {
        this(n, true);
    }

    private Fft(int n, boolean withHalf) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length " + n);
        }
        this.n = n;
        cos = new double[n];
        sin = new double[n];
        for (int j = 0; j < n; j++) {
            double a = 2 * Math.PI * j / n;
            cos[j] = Math.cos(a);
            sin[j] = Math.sin(a);
        }
        int m = n;
        int largest = 1;
        while (m > 1) {
            int p = factor(m);
            largest = Math.max(largest, p);
            m /= p;
        }
        maxFactor = largest;
        half = withHalf && n % 2 == 0 && n >= 4 ? new Fft(n / 2, false) : null;
    }

    public int size() {
        return n;
    }

    /** Complex transform of (re, im) into (outRe, outIm); inputs are not changed. */
    public void transform(double[] re, double[] im, double[] outRe, double[] outIm) {
        double[] sr = new double[maxFactor];
        double[] si = new double[maxFactor];
        rec(re, im, 0, 1, n, outRe, outIm, 0, sr, si);
    }

    /**
     * |X[k]|^2 for k = 0..n/2 of a real frame x (length n, n even), via one complex transform of
     * length n/2 of z[m] = x[2m] + i x[2m+1]: X[k] = (Z[k] + conj Z[n/2-k]) / 2 - i W^k (Z[k] - conj Z[n/2-k]) / 2.
     */
    public void realPower(double[] x, double[] power) {
        if (half == null) {
            double[] im = new double[n];
            double[] or = new double[n];
            double[] oi = new double[n];
            transform(x, im, or, oi);
            for (int k = 0; k <= n / 2; k++) {
                power[k] = or[k] * or[k] + oi[k] * oi[k];
            }
            return;
        }
        int h = n / 2;
        double[] zr = new double[h];
        double[] zi = new double[h];
        for (int m = 0; m < h; m++) {
            zr[m] = x[2 * m];
            zi[m] = x[2 * m + 1];
        }
        double[] fr = new double[h];
        double[] fi = new double[h];
        half.transform(zr, zi, fr, fi);
        for (int k = 0; k <= h; k++) {
            int a = k % h;
            int b = (h - k) % h;
            double er = (fr[a] + fr[b]) / 2;   // even part E[k]
            double ei = (fi[a] - fi[b]) / 2;
            double dr = (fr[a] - fr[b]) / 2;   // (Z[k] - conj Z[h-k]) / 2
            double di = (fi[a] + fi[b]) / 2;
            // odd part O[k] = -i * (dr + i di) = di - i dr; X[k] = E[k] + W^k O[k], W^k = cos - i sin
            double or = di;
            double oi = -dr;
            double c = cos[k % n];
            double s = -sin[k % n];
            double xr = er + (or * c - oi * s);
            double xi = ei + (or * s + oi * c);
            power[k] = xr * xr + xi * xi;
        }
    }

    private void rec(double[] xr, double[] xi, int off, int stride, int len, double[] yr, double[] yi, int yoff, double[] sr, double[] si) {
        if (len == 1) {
            yr[yoff] = xr[off];
            yi[yoff] = xi[off];
            return;
        }
        int p = factor(len);
        int m = len / p;
        for (int r = 0; r < p; r++) {
            rec(xr, xi, off + r * stride, stride * p, m, yr, yi, yoff + r * m, sr, si);
        }
        int step = n / len; // W_len^j = W_n^(j * step)
        for (int k = 0; k < m; k++) {
            // twiddle: t_r = S_r[k] * W_len^(r k); then Y[k + q m] = sum_r t_r W_p^(r q)
            for (int r = 0; r < p; r++) {
                double a = yr[yoff + r * m + k];
                double b = yi[yoff + r * m + k];
                int j = r * k * step;
                double c = cos[j];
                double s = -sin[j];
                sr[r] = a * c - b * s;
                si[r] = a * s + b * c;
            }
            if (p == 2) {
                yr[yoff + k] = sr[0] + sr[1];
                yi[yoff + k] = si[0] + si[1];
                yr[yoff + k + m] = sr[0] - sr[1];
                yi[yoff + k + m] = si[0] - si[1];
            } else if (p == 4) {
                double ar = sr[0] + sr[2];
                double ai = si[0] + si[2];
                double br = sr[0] - sr[2];
                double bi = si[0] - si[2];
                double cr = sr[1] + sr[3];
                double ci = si[1] + si[3];
                double dr = sr[1] - sr[3];
                double di = si[1] - si[3];
                yr[yoff + k] = ar + cr;
                yi[yoff + k] = ai + ci;
                yr[yoff + k + m] = br + di;      // W_4 = -i: (dr + i di)(-i) = di - i dr
                yi[yoff + k + m] = bi - dr;
                yr[yoff + k + 2 * m] = ar - cr;
                yi[yoff + k + 2 * m] = ai - ci;
                yr[yoff + k + 3 * m] = br - di;
                yi[yoff + k + 3 * m] = bi + dr;
            } else {
                int pstep = n / p; // W_p^j = W_n^(j * n/p)
                for (int q = 0; q < p; q++) {
                    double accR = 0;
                    double accI = 0;
                    for (int r = 0; r < p; r++) {
                        int j = (r * q % p) * pstep;
                        double c = cos[j];
                        double s = -sin[j];
                        accR += sr[r] * c - si[r] * s;
                        accI += sr[r] * s + si[r] * c;
                    }
                    yr[yoff + k + q * m] = accR;
                    yi[yoff + k + q * m] = accI;
                }
            }
        }
    }

    /** Radix for a length: 4 when it divides, else the smallest prime factor. */
    static int factor(int m) {
        if (m % 4 == 0) {
            return 4;
        }
        if (m % 2 == 0) {
            return 2;
        }
        for (int f = 3; (long) f * f <= m; f += 2) {
            if (m % f == 0) {
                return f;
            }
        }
        return m;
    }
}
