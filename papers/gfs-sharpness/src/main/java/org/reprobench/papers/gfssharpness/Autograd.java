package org.reprobench.papers.gfssharpness;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/** PyTorch's gradient recording, which is per thread. */
final class Autograd {
    private Autograd() {
    }

    /**
     * Switches recording off on this thread. It is on by default on a new thread (the harness runs each
     * claim on its own), where every op on a tensor that requires a gradient would otherwise be
     * recorded; a GradientCollector switches it on while open and restores this state when closed.
     */
    static void recordingOff() {
        Engine.getInstance(); // loads the native library on first use
        JniUtils.setGradMode(false);
    }
}
