package org.reprobench.papers.hawkesgranger;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;

/**
 * Claim: phase 1 of the README example (1000 iterations, gradient memory 8, monitoring every 50
 * at memory 16, as the official loop) takes seconds here. Value: its wall time; the thread's CPU
 * time and the ratio to the official Python code's phase 1 on this machine are reported beside it.
 */
final class PhaseOneSpeedExperiment {
    /** Wall time of the official code's phase 1 on this machine (brief, section 1: 1454 s, load ~9 on 2 cores). */
    static final double OFFICIAL_PHASE1_SECONDS = 1454;

    private PhaseOneSpeedExperiment() {
    }

    static Experiment create() {
        return Experiment.perSeed((ctx, seed) -> {
            EventSequences data = ExampleData.load();
            ctx.useData(ExampleData.LABEL, false, ExampleData.SHA256);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ExcitationFeatures gradient = ExcitationFeatures.of(data, ExampleData.BETA, ExampleData.GRADIENT_MEMORY);
            ExcitationFeatures monitor = ExcitationFeatures.of(data, ExampleData.BETA, ExampleData.MONITOR_MEMORY);
            TwoPhaseFit.PhaseOne p1;
            try (SurrogateLikelihood g = SurrogateLikelihood.allTypes(ctx.manager(), List.of(gradient));
                 SurrogateLikelihood m = SurrogateLikelihood.allTypes(ctx.manager(), List.of(monitor))) {
                p1 = TwoPhaseFit.phaseOne(g, m, new double[][] {ExampleData.initialMu()}, TwoPhaseFit.Settings.official(),
                        ctx::checkDeadline);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double[] trace = p1.monitorLogLik()[0];
            return Outcome.of(wall)
                    .metric("cpu_seconds", cpu)
                    .metric("official_python_seconds", OFFICIAL_PHASE1_SECONDS)
                    .metric("speedup_vs_official", OFFICIAL_PHASE1_SECONDS / wall)
                    .metric("final_monitor_loglik", trace[trace.length - 1])
                    .metric("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        });
    }
}
