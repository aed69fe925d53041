package org.reprobench.api;

import java.util.Map;

/**
 * One paper, found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/org.reprobench.api.PaperModule}. The published facts live in the
 * module's {@code paper.yaml}, packaged as the resource {@code reprobench/papers/<id>/paper.yaml};
 * this class only maps each claim id of that file to the code that measures it.
 */
public interface PaperModule {

    /** The paper id, equal to the {@code id} in paper.yaml and the module folder name. */
    String id();

    /** Claim id to experiment; every claim of paper.yaml needs one. */
    Map<String, Experiment> experiments();

    /** Java package holding this paper's JMH benchmarks (default: this class's package). */
    default String benchmarkPackage() {
        return getClass().getPackageName();
    }
}
