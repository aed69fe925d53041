package org.reprobench.papers.gfssharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Our squared regression model (the paper's exact definition could not be read): linear regression
 * with the squared parametrisation beta = u*u - v*v (a "diagonal linear network"), squared loss
 * L = |X beta - y|^2 / (2n), n examples, d > n features. One row of theta = [u | v] per network.
 *
 * <p>Its gradient-flow solution has a closed form up to an n-dimensional root. Under the flow
 * d log u_j^2/dt = -(4/n)(X^T r)_j = -d log v_j^2/dt, so u^2(t) = u0^2 e^{-X^T m(t)} and
 * v^2(t) = v0^2 e^{X^T m(t)} with m(t) = (4/n) int r. The flow ends where X beta = y, i.e. at the
 * minimiser mu of the convex dual F(mu) = sum_j (u0_j^2 e^{-(X^T mu)_j} + v0_j^2 e^{(X^T mu)_j}) + mu.y,
 * found by Newton's method. There the residual is 0, the Hessian is J^T J / n with J = X [diag 2u, -diag 2v],
 * and its top eigenvalue, the GFS sharpness, is that of the n x n matrix (4/n) X diag(u^2 + v^2) X^T,
 * which is (4/n) times the dual Hessian.
 */
final class SquaredRegression implements FlatModel {
    final NDArray x;
    final NDArray xt;
    final NDArray y;
    final int n;
    final int d;

    SquaredRegression(StandInImages data, NDManager manager) {
        this.n = data.examples();
        this.d = data.features();
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.x()[i], 0, flat, i * d, d);
        }
        this.x = manager.create(flat, new Shape(n, d));
        this.xt = x.transpose();
        this.y = manager.create(data.y());
    }

    NDArray u(NDArray theta) {
        return theta.get(new NDIndex(":, 0:" + d));
    }

    NDArray v(NDArray theta) {
        return theta.get(new NDIndex(":, " + d + ":"));
    }

    /** Residuals X beta - y per row: [K, n]. */
    NDArray residual(NDArray theta) {
        NDArray u = u(theta);
        NDArray v = v(theta);
        return u.square().sub(v.square()).matMul(xt).sub(y);
    }

    @Override
    public NDArray loss(NDArray theta) {
        return residual(theta).square().sum(new int[] {1}).div(2.0 * n);
    }

    /** The gradient in closed form: dL/du = (2/n) u * (X^T r), dL/dv = -(2/n) v * (X^T r). */
    NDArray analyticGradient(NDArray theta) {
        NDArray xr = residual(theta).matMul(x).mul(2.0 / n);
        return u(theta).mul(xr).concat(v(theta).mul(xr).neg(), 1);
    }

    /** One GD step, step size per row ([K]). */
    NDArray gdStep(NDArray theta, NDArray eta) {
        return theta.sub(analyticGradient(theta).mul(eta.expandDims(1)));
    }

    /** The dual solution mu ([K, n]), the GFS sharpness ([K]), its eigenvector and max |X beta_inf - y|. */
    record Gfs(NDArray mu, NDArray sharpness, NDArray vector, double residual) {
    }

    private static final double GRADIENT_TOLERANCE = 1e-13;
    private static final int MAX_NEWTON = 60;
    private static final int MAX_HALVINGS = 40;

    /**
     * The GFS of every row. {@code warm} (may be null) is the previous step's solution: Newton and the
     * eigenvector iteration then start next to their answers.
     */
    Gfs gfs(NDArray theta, Gfs warm) {
        NDArray a = u(theta).square();
        NDArray b = v(theta).square();
        long k = theta.getShape().get(0);
        // a fresh array even when warm: the caller frees the previous solution
        NDArray mu = warm == null ? theta.getManager().zeros(new Shape(k, n), theta.getDataType()) : warm.mu().duplicate();
        NDArray g = dualGradient(a, b, mu);
        NDArray gNorm = g.abs().max(new int[] {1});
        for (int it = 0; it < MAX_NEWTON && gNorm.max().getDouble() > GRADIENT_TOLERANCE; it++) {
            NDArray step = dualHessian(a, b, mu).inverse().matMul(g.expandDims(2)).squeeze(2);
            // halve the step on the rows where it does not reduce the largest gradient component
            NDArray t = gNorm.onesLike();
            NDArray candidate = mu;
            NDArray cNorm = gNorm;
            NDArray cGrad = g;
            for (int h = 0; h < MAX_HALVINGS; h++) {
                candidate = mu.sub(step.mul(t.expandDims(1)));
                cGrad = dualGradient(a, b, candidate);
                cNorm = cGrad.abs().max(new int[] {1});
                NDArray ok = cNorm.lt(gNorm).logicalOr(gNorm.lte(GRADIENT_TOLERANCE));
                if (ok.all().getBoolean()) {
                    break;
                }
                t = NDArrays.where(ok, t, t.mul(0.5));
            }
            // a row that cannot improve (rounding floor) keeps its point
            NDArray improved = cNorm.lt(gNorm);
            mu = NDArrays.where(improved.expandDims(1).broadcast(mu.getShape()), candidate, mu);
            g = NDArrays.where(improved.expandDims(1).broadcast(g.getShape()), cGrad, g);
            NDArray newNorm = NDArrays.where(improved, cNorm, gNorm);
            if (!improved.any().getBoolean()) {
                gNorm = newNorm;
                break;
            }
            gNorm = newNorm;
        }
        NDArray sharpnessMatrix = dualHessian(a, b, mu).mul(4.0 / n);
        Eigen.Top top = Eigen.topPsd(sharpnessMatrix, warm == null ? null : warm.vector(), 1e-15, 5000);
        return new Gfs(mu, top.value(), top.vector(), gNorm.max().getDouble());
    }

    /** dF/dmu = y - X (u0^2 e^{-X^T mu} - v0^2 e^{X^T mu}): [K, n]. */
    private NDArray dualGradient(NDArray a, NDArray b, NDArray mu) {
        NDArray z = mu.matMul(x);
        return y.sub(a.mul(z.neg().exp()).sub(b.mul(z.exp())).matMul(xt));
    }

    /** d^2F/dmu^2 = X diag(u0^2 e^{-X^T mu} + v0^2 e^{X^T mu}) X^T: [K, n, n]. */
    private NDArray dualHessian(NDArray a, NDArray b, NDArray mu) {
        NDArray z = mu.matMul(x);
        NDArray weights = a.mul(z.neg().exp()).add(b.mul(z.exp()));
        return x.expandDims(0).mul(weights.expandDims(1)).matMul(xt);
    }
}
