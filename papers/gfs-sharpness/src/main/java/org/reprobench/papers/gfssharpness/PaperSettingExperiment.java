package org.reprobench.papers.gfssharpness;

import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.Experiment;

/** Claim practical-networks-paper-setting: cannot run here; says exactly why. */
final class PaperSettingExperiment {
    private PaperSettingExperiment() {
    }

    static Experiment create() {
        return ctx -> {
            throw new ClaimSkipped("needs the paper's own 'practical architectures' setting, which could not be read "
                    + "(the stored copies of arXiv 2305.13064 stop after the introduction: architectures, data sets, "
                    + "step sizes and GF tolerance unknown; no official code exists). If it follows Cohen et al.'s "
                    + "edge-of-stability protocol it needs CIFAR-10 (not downloadable here; RealSets.cifar10) and "
                    + "one gradient-flow integration per checkpoint, GPU-hours per curve. Our stand-in is the claim "
                    + "network-gfs-monotone (small tanh network on Fashion-MNIST).");
        };
    }
}
