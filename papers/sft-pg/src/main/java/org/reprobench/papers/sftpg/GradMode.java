package org.reprobench.papers.sftpg;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode is per thread, and a fresh thread starts with it on: forward passes outside
 * a GradientCollector would then record autograd graphs for nothing. Each experiment (each runs on
 * its own harness thread) and each benchmark thread switches it off first; GradientCollector turns
 * it on for its own scope and restores it on close.
 */
final class GradMode {
    private GradMode() {
    }

    static void offForThisThread() {
        ai.djl.engine.Engine.getInstance();     // loads the native library before the first JNI call
        JniUtils.setGradMode(false);
    }
}
