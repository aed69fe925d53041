package org.reprobench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reprobench.api.ClaimSkipped;
import org.reprobench.api.Experiment;
import org.reprobench.api.Outcome;
import org.reprobench.api.Profile;
import org.reprobench.api.TimeLimitExceeded;
import org.reprobench.api.Verdict;

/**
 * Runs one claim in isolation: its own thread, NDManager and time limit. Whatever happens inside
 * (exception, NaN, overrun) ends as result lines; nothing escapes to stop the run.
 */
final class ClaimRunner {

    /** The claim's lines and the data sets it declared. */
    record Finished(List<ResultLine> lines, Map<String, String> datasets) {
    }

    private ClaimRunner() {
    }

    static Finished run(Paper paper, Claim claim, Experiment experiment, Profile profile, List<Long> seeds,
                        Path runDir, boolean terminal) {
        Scale scale = claim.profiles().get(profile);
        if (scale == null) {
            String where = claim.profiles().isEmpty() ? "no profile"
                    : String.join(", ", claim.profiles().keySet().stream().map(Profile::id).toList());
            String reason = "not run at profile " + profile.id() + " (runs at: " + where + ")"
                    + (claim.requires() != null ? "; needs " + claim.requires() : "");
            return new Finished(List.of(ResultLine.claim(paper.id(), claim, profile, Verdict.SKIPPED, reason, null, null, 0,
                    null, null, false, List.of())), Map.of());
        }
        long limitNanos = (long) (claim.timeLimit(profile).toNanos() * timeLimitScale());
        ClaimContext ctx = new ClaimContext(paper.id(), claim.id(), profile, seeds, runDir, limitNanos, terminal);
        long start = System.nanoTime();
        long cpuStart = Environment.processCpuNanos();
        CompletableFuture<List<Outcome>> future = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                Environment.applyTorchThreads();
                future.complete(experiment.run(ctx));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            } finally {
                // Closed by the worker itself: after a timeout the main thread moves on, and
                // freeing native memory under a still-running experiment would crash the JVM.
                ctx.close();
            }
        }, "claim-" + paper.id() + "-" + claim.id());
        worker.setDaemon(true);
        worker.start();
        Verdict verdict;
        String reason;
        Judge.Judgement judgement = null;
        try {
            List<Outcome> outcomes = future.get(limitNanos, TimeUnit.NANOSECONDS);
            judgement = Judge.judge(claim, scale, ctx.standIn(), seeds, outcomes);
            verdict = judgement.verdict();
            reason = judgement.reason();
        } catch (TimeoutException e) {
            ctx.cancel();
            worker.interrupt();
            verdict = Verdict.ERROR;
            reason = "time limit of " + Judge.fmt(limitNanos / 1e9) + " s at profile " + profile.id() + " exceeded";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ClaimSkipped) {
                verdict = Verdict.SKIPPED;
                reason = cause.getMessage();
            } else {
                verdict = Verdict.ERROR;
                reason = cause instanceof TimeLimitExceeded ? cause.getMessage() : describe(cause);
            }
        } catch (Judge.UnjudgeableOutcome e) {
            verdict = Verdict.ERROR;
            reason = e.getMessage();
        } catch (InterruptedException e) {
            ctx.cancel();
            worker.interrupt();
            Thread.currentThread().interrupt();
            verdict = Verdict.ERROR;
            reason = "interrupted";
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long cpuEnd = Environment.processCpuNanos();
        Double cpu = cpuStart < 0 || cpuEnd < 0 ? null : (cpuEnd - cpuStart) / 1e9;
        List<ResultLine> lines = new ArrayList<>();
        if (judgement != null) {
            for (SeedResult s : judgement.seeds()) {
                lines.add(ResultLine.seed(paper.id(), claim, profile, verdict, s));
            }
        }
        lines.add(ResultLine.claim(paper.id(), claim, profile, verdict, reason, judgement, scale, wall, cpu, ctx.dataLabel(),
                ctx.standIn(), ctx.plots()));
        return new Finished(lines, ctx.datasets());
    }

    /**
     * -Dreprobench.timeLimitScale (the CLI's --time-limit-scale): multiplies every claim's time
     * limit, for slow or loaded machines, without editing paper.yaml.
     */
    static double timeLimitScale() {
        double f = Double.parseDouble(System.getProperty("reprobench.timeLimitScale", "1"));
        if (!(f > 0)) {
            throw new IllegalArgumentException("reprobench.timeLimitScale must be positive, got " + f);
        }
        return f;
    }

    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            sb.append(": ").append(t.getMessage());
        }
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0) {
            sb.append(" (at ").append(st[0]).append(')');
        }
        if (t.getCause() != null && t.getCause() != t) {
            sb.append("; caused by ").append(t.getCause().getClass().getSimpleName()).append(": ").append(t.getCause().getMessage());
        }
        return sb.toString();
    }
}
