package org.reprobench.papers.adversarialsde;

/**
 * SGD on the one-dimensional quadratic l(theta; z) = a theta^2 / 2 + sigma z theta, z ~ N(0, 1),
 * so the stochastic gradient is a theta + sigma z. Its first-order SDE approximation is the
 * Ornstein-Uhlenbeck process dTheta = -a Theta dt + sqrt(eta) sigma dW. Both sides have exact
 * first and second moments, so the weak error needs neither sampling nor a PDE solver.
 */
public record QuadraticSgd(double a, double sigma, double theta0) {

    /** E theta_k and E theta_k^2 of SGD with step eta after k steps, from theta_0 fixed. */
    public double[] discreteMoments(double eta, int k) {
        double q = 1 - eta * a;
        double mean = theta0;
        double second = theta0 * theta0;
        for (int i = 0; i < k; i++) {
            mean = q * mean;
            second = q * q * second + eta * eta * sigma * sigma;
        }
        return new double[] {mean, second};
    }

    /** E Theta_t and E Theta_t^2 of the SDE dTheta = -a Theta dt + sqrt(eta) sigma dW. */
    public double[] sdeMoments(double eta, double t) {
        double decay = Math.exp(-a * t);
        double mean = theta0 * decay;
        double second = theta0 * theta0 * decay * decay + eta * sigma * sigma / (2 * a) * (1 - decay * decay);
        return new double[] {mean, second};
    }
}
