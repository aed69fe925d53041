package org.reprobench.papers.sftpg;

import java.util.List;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.RunContext;

/**
 * The image rows (FID at T = 10 on CIFAR-10 and CelebA-64). They run only at the paper profile,
 * and even there this module cannot run them: it ports the VAR(S=10) sampler schedule the paper
 * starts from ({@link VarSchedule}, unit-tested against the brief's golden vectors) but not the
 * DDPM UNet, its pretrained checkpoints or the FID pipeline, none of which is reachable offline.
 * So the claim is skipped with the exact list of what it needs.
 */
final class ImageFid implements Experiment {
    private final String reason;

    private ImageFid(String reason) {
        this.reason = reason;
    }

    static ImageFid cifar10() {
        return new ImageFid("needs the authors' pretrained EMA DDPM checkpoint "
                + "checkpoints/ema_diffusion_cifar10_model/model.ckpt.pth (Google Drive zip linked from the "
                + "UW-Madison-Lee-Lab/SFT-PG README), the CIFAR-10 training set (50,000 images), Inception-v3 FID "
                + "weights (pt_inception-2015-12-05) and about 24 GPU-hours (the paper: about 6 h on 4x RTX 2080Ti) "
                + "plus FID on 50,048 samples; this module ports the VAR(S=10) schedule but not the DDPM UNet or FID");
    }

    static ImageFid celeba64() {
        return new ImageFid("needs the authors' pretrained EMA DDPM checkpoint "
                + "checkpoints/ema_diffusion_celeba64_model/model.ckpt.pth (Google Drive zip linked from the "
                + "UW-Madison-Lee-Lab/SFT-PG README), the CelebA training images (centre crop 128 at (89, 121), "
                + "resized to 64x64), Inception-v3 FID weights (pt_inception-2015-12-05) and multi-GPU time the "
                + "readable parts of the paper do not state (CIFAR-10 alone took about 24 GPU-hours); this module "
                + "ports the VAR(S=10) schedule but not the DDPM UNet or FID");
    }

    String reason() {
        return reason;
    }

    @Override
    public List<Outcome> run(RunContext ctx) throws ClaimSkipped {
        throw new ClaimSkipped(reason);
    }
}
