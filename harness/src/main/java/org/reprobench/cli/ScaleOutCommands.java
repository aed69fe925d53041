package org.reprobench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprobench.api.Profile;
import org.reprobench.harness.BadInput;
import org.reprobench.harness.ClusterJobs;
import org.reprobench.harness.ExitCodes;
import org.reprobench.harness.Merge;
import org.reprobench.harness.Registry;
import org.reprobench.harness.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** merge, slurm, k8s: running the paper profile on a cluster one already has. */
final class ScaleOutCommands {
    private ScaleOutCommands() {
    }

    @Command(name = "merge", description = "Combine shard run folders into one run; duplicates and missing shards are reported.")
    static final class MergeCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Parameters(arity = "1..*", paramLabel = "SHARD", description = "Shard run folders or ids.")
        List<String> shards;

        @Option(names = "--run-id", required = true, paramLabel = "ID", description = "Id of the merged run.")
        String runId;

        @Override
        public Integer call() throws Exception {
            List<Path> dirs = new ArrayList<>();
            for (String s : shards) {
                dirs.add(Runner.resolveRun(parent.runsDir, s));
            }
            Merge.Result r = Merge.merge(Registry.load(), dirs, parent.runsDir.resolve(runId));
            System.out.println("merged run: " + r.runDir());
            r.problems().forEach(p -> System.out.println("problem: " + p));
            return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.CLAIMS_ERRORED;
        }
    }

    /** What both schedulers' generators share. */
    abstract static class JobOptions {
        @Option(names = "--profile", defaultValue = "paper", description = "Profile (default: ${DEFAULT-VALUE}).")
        Profile profile;

        @Option(names = "--shards", required = true, paramLabel = "N", description = "Number of shards (array tasks / completions).")
        int shards;

        @Option(names = "--paper", paramLabel = "ID", description = "Paper id (repeatable; default: all).")
        List<String> papers = new ArrayList<>();

        @Option(names = "--claim", paramLabel = "ID", description = "Claim id (repeatable; default: all).")
        List<String> claims = new ArrayList<>();

        @Option(names = "--seeds", paramLabel = "N", description = "Seeds per claim, overriding paper.yaml.")
        Integer seeds;

        @Option(names = "--run-prefix", paramLabel = "ID", description = "Run ids are ID-shard-k, the merged run ID (default: <profile>-<date>).")
        String runPrefix;

        @Option(names = "--cpus", defaultValue = "4", description = "CPUs per task (default: ${DEFAULT-VALUE}); also the PyTorch threads.")
        int cpus;

        @Option(names = "--mem", defaultValue = "16G", description = "Memory per task (default: ${DEFAULT-VALUE}).")
        String memory;

        @Option(names = "--gpus", defaultValue = "0", description = "GPUs per task (default: ${DEFAULT-VALUE}).")
        int gpus;

        @Option(names = "--out", paramLabel = "DIR", description = "Where to write the job files (default: results/jobs/<run-prefix>).")
        Path out;

        ClusterJobs jobs(String home, String runsDir, String time, String partition, String image, String claim, int parallelism)
                throws BadInput {
            if (shards < 1) {
                throw new BadInput("--shards must be at least 1");
            }
            Registry r = Registry.load();
            for (String p : papers) {
                if (r.get(p) == null) {
                    throw new BadInput("unknown paper id '" + p + "' (see 'reprobench list')");
                }
            }
            String prefix = runPrefix != null ? runPrefix
                    : profile.id() + "-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().replace("-", "");
            return new ClusterJobs(profile.id(), shards, papers, claims, seeds, home, runsDir, prefix, cpus, memory, time, partition,
                    gpus, image, claim, parallelism);
        }

        Path outDir(ClusterJobs j) throws java.io.IOException {
            Path d = out != null ? out : TrackingCommands.home().resolve("results/jobs").resolve(j.runPrefix());
            Files.createDirectories(d);
            return d;
        }
    }

    @Command(name = "slurm", description = "Write a Slurm job array (one shard per task) and a dependent merge job.")
    static final class SlurmCmd extends JobOptions implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Option(names = "--time", defaultValue = "48:00:00", description = "Time limit per task (default: ${DEFAULT-VALUE}).")
        String time;

        @Option(names = "--partition", description = "Slurm partition.")
        String partition;

        @Option(names = "--home", description = "The reprobench checkout on the cluster (default: this one).")
        String home;

        @Override
        public Integer call() throws Exception {
            String h = home != null ? home : TrackingCommands.home().toAbsolutePath().normalize().toString();
            // runs land under the global --runs-dir (made absolute), results/runs of the checkout by default
            ClusterJobs j = jobs(h, parent.runsDir.toAbsolutePath().normalize().toString(), time, partition, null, null, shards);
            Path dir = outDir(j);
            j.writeSlurm(dir).forEach(p -> System.out.println("wrote " + p));
            System.out.println("submit with: " + dir.resolve("submit.sh"));
            return ExitCodes.OK;
        }
    }

    @Command(name = "k8s", description = "Write a Kubernetes Indexed Job (completion index = shard) and a merge Job.")
    static final class K8sCmd extends JobOptions implements Callable<Integer> {
        @Option(names = "--image", required = true, description = "Container image with a built reprobench checkout.")
        String image;

        @Option(names = "--workdir", defaultValue = "/reprobench", description = "The checkout inside the image (default: ${DEFAULT-VALUE}).")
        String workdir;

        @Option(names = "--volume-claim", defaultValue = "reprobench-results", description = "PersistentVolumeClaim for results (default: ${DEFAULT-VALUE}).")
        String volumeClaim;

        @Option(names = "--parallelism", defaultValue = "8", description = "Pods at once (default: ${DEFAULT-VALUE}).")
        int parallelism;

        @Override
        public Integer call() throws Exception {
            ClusterJobs j = jobs(workdir, "/results/runs", null, null, image, volumeClaim, parallelism);
            Path dir = outDir(j);
            j.writeKubernetes(dir).forEach(p -> System.out.println("wrote " + p));
            System.out.println("apply with: kubectl apply -f " + dir.resolve("job.yaml"));
            return ExitCodes.OK;
        }
    }
}
