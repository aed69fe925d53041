package org.reprobench.papers.sftpg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.Function;

/**
 * The FastDPM VAR sampler that SFT-PG fine-tunes on images, written for batches of any shape
 * (N, C, H, W): step i maps x to x_next = m_i x + c_i eps(x, tau_i) + std_i z, and its policy
 * log-density is the Gaussian log N(x_next; m_i x + c_i eps, std_i^2) averaged (not summed) over
 * every axis but the batch, as the official VAR_log_prob does; the last step's std is 0.001, which
 * makes its score 10^6 times the residual and is why the official code clips the generator's gradient
 * norm at 0.1. The eps-network is a parameter: the pretrained DDPM UNet is not part of this module.
 */
public final class VarSampler {

    /** eps_theta(x, tau) for a batch x at continuous DDPM time tau. */
    @FunctionalInterface
    public interface EpsModel {
        NDArray eps(NDArray x, double tau);
    }

    private final VarSchedule schedule;

    public VarSampler(VarSchedule schedule) {
        this.schedule = schedule;
    }

    public VarSchedule schedule() {
        return schedule;
    }

    /** The mean of step i: m_i x + c_i eps. */
    public NDArray mean(NDArray x, NDArray eps, int i) {
        return x.mul(schedule.xMultiplier()[i]).add(eps.mul(schedule.epsMultiplier()[i]));
    }

    /** Per-sample log-density of x_next under step i, averaged over all non-batch axes. */
    public NDArray logProb(NDArray xNext, NDArray mean, int i) {
        double sd = schedule.std()[i];
        NDArray perElement = xNext.sub(mean).div(sd).square().mul(-0.5).sub(Math.log(sd) + 0.5 * Math.log(2 * Math.PI));
        return perElement.reshape(perElement.getShape().get(0), -1).mean(new int[] {1});
    }

    /**
     * Runs all S steps from x_T; {@code noise} supplies a standard normal array shaped like x for
     * each step. Returns x[0] = x_T .. x[S] = the sample, each attached to {@code sub}.
     */
    public NDArray[] rollout(NDManager sub, EpsModel net, NDArray xT, Function<NDArray, NDArray> noise) {
        int s = schedule.steps();
        NDArray[] x = new NDArray[s + 1];
        x[0] = xT;
        for (int i = 0; i < s; i++) {
            NDArray m = mean(x[i], net.eps(x[i], schedule.tau()[i]), i);
            x[i + 1] = m.add(noise.apply(x[i]).mul(schedule.std()[i]));
            x[i + 1].attach(sub);
        }
        return x;
    }
}
