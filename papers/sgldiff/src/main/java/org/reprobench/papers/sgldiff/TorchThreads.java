package org.reprobench.papers.sgldiff;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Applies -Dai.djl.pytorch.num_threads to the calling thread. PyTorch's intra-op (OpenMP) setting is
 * per thread: the engine sets it on the thread that loads it, but the harness runs each claim (and JMH
 * each benchmark) on a thread of its own, where PyTorch would otherwise fall back to one OpenMP thread
 * per core. On this shared 2-core machine that made small tensor ops 4-6x slower (measured: the same
 * coupled run took 2-3 s on the main thread and 12-19 s on a fresh thread). To be moved into the
 * harness's claim runner (reported).
 */
final class TorchThreads {
    private TorchThreads() {
    }

    static void applyToThisThread() {
        Integer n = Integer.getInteger("ai.djl.pytorch.num_threads");
        if (n != null && n > 0) {
            Engine.getInstance(); // loads the native library if nothing has yet (a fresh JMH fork)
            JniUtils.setNumThreads(n);
        }
    }
}
