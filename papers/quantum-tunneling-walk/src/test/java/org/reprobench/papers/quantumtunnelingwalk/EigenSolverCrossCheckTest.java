package org.reprobench.papers.quantumtunnelingwalk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our tridiagonal solver (Sturm bisection + inverse iteration, only the lowest pairs) against
 * commons-math's full symmetric tridiagonal decomposition (implicit QL) on the 1-D Hamiltonians the
 * claims use: the lowest 40 eigenvalues, and each eigenvector as a member of the reference
 * eigenspace around its eigenvalue (tunnelling pairs are split by as little as 2.5e-5 here; the
 * span of near-degenerate partners is what both solvers determine well).
 */
class EigenSolverCrossCheckTest {

    @ParameterizedTest
    @CsvSource({"1, 0.3", "2, 0.5", "3, 1.0"})
    void lowestPairsAgreeWithCommonsMath(int example, double h) {
        Hamiltonian1D ham = new Hamiltonian1D(DoubleWellLandscape.example(example), h, 512);
        int k = 40;
        TridiagonalEigen.Pairs ours = ham.lowest(k);
        double[] off = new double[ham.size() - 1];
        java.util.Arrays.fill(off, ham.offDiagonal());
        EigenDecomposition reference = new EigenDecomposition(ham.diagonal(), off);
        double[] all = reference.getRealEigenvalues();   // commons-math sorts them in decreasing order
        int n = all.length;
        double scale = Math.abs(all[0]);
        for (int j = 0; j < k; j++) {
            assertEquals(all[n - 1 - j], ours.values()[j], 1e-12 * scale, "eigenvalue " + j);
        }
        // each of our vectors lies in the span of the reference vectors whose eigenvalues are within 1e-6 of its own
        for (int j = 0; j < k; j++) {
            double inSpan = 0;
            for (int m = 0; m < n; m++) {
                if (Math.abs(all[m] - ours.values()[j]) < 1e-6 * scale) {
                    RealVector v = reference.getEigenvector(m);
                    double overlap = 0;
                    for (int i = 0; i < n; i++) {
                        overlap += v.getEntry(i) * ours.vectors()[j][i];
                    }
                    inSpan += overlap * overlap;
                }
            }
            assertEquals(1, inSpan, 1e-9, "eigenvector " + j + " outside the reference eigenspace");
        }
    }
}
