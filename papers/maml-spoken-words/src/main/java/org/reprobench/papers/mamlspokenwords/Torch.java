package org.reprobench.papers.mamlspokenwords;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Per-thread PyTorch settings. The harness runs each claim (and JMH each benchmark) on a thread
 * of its own, where PyTorch's defaults apply: gradient recording on (DJL switches it off only on
 * the thread that loads the engine) and one OpenMP thread per core. Call {@link #prepareThread()}
 * first on any thread that runs the experiments.
 */
final class Torch {
    private Torch() {
    }

    static void prepareThread() {
        Engine.getInstance(); // loads the native library if nothing has yet (a fresh JMH fork)
        Integer n = Integer.getInteger("ai.djl.pytorch.num_threads");
        if (n != null && n > 0) {
            JniUtils.setNumThreads(n);
        }
        // outside a GradientCollector nothing is recorded: parameter updates stay plain arrays
        JniUtils.setGradMode(false);
    }
}
