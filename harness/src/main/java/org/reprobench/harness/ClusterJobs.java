package org.reprobench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Job files for an existing scheduler, one shard per array task or completion index, and a merge
 * job after them. Nothing runs between the scheduler and ./reprobench: the shard plan is computed
 * by each task from the same inputs.
 *
 * @param home the repository checkout on the cluster (built with make build)
 * @param runPrefix run ids are prefix-shard-k and the merged run is prefix
 * @param gpus GPUs per task (0: none requested)
 */
public record ClusterJobs(String profile, int shards, List<String> papers, List<String> claims, Integer seeds, String home,
                          String runsDir, String runPrefix, int cpus, String memory, String time, String partition, int gpus,
                          String image, String volumeClaim, int parallelism) {

    public ClusterJobs {
        if (shards < 1) {
            throw new IllegalArgumentException("--shards must be at least 1");
        }
    }

    /** The arguments of the run command every shard shares (selection, profile, seeds, costs). */
    String runArgs() {
        StringBuilder sb = new StringBuilder("--profile ").append(profile);
        papers.forEach(p -> sb.append(" --paper ").append(p));
        claims.forEach(c -> sb.append(" --claim ").append(c));
        if (seeds != null) {
            sb.append(" --seeds ").append(seeds);
        }
        return sb.toString();
    }

    String shardIds() {
        return IntStream.rangeClosed(1, shards).mapToObj(k -> runPrefix + "-shard-" + k).collect(Collectors.joining(" "));
    }

    /** Writes array.sbatch, merge.sbatch and submit.sh into dir; returns their paths. */
    public List<Path> writeSlurm(Path dir) throws IOException {
        String header = "#!/bin/bash\n#SBATCH --cpus-per-task=" + cpus + "\n#SBATCH --mem=" + memory + "\n#SBATCH --time=" + time + "\n"
                + (partition != null ? "#SBATCH --partition=" + partition + "\n" : "");
        String array = header
                + "#SBATCH --job-name=reprobench-" + runPrefix + "\n"
                + "#SBATCH --array=1-" + shards + "\n"
                + "#SBATCH --output=" + runsDir + "/" + runPrefix + "-shard-%a.log\n"
                + (gpus > 0 ? "#SBATCH --gres=gpu:" + gpus + "\n" : "")
                + "# One shard of " + shards + " per array task; written by 'reprobench slurm'.\n"
                + "set -euo pipefail\n"
                + "cd " + home + "\n"
                + "export REPROBENCH_TORCH_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"\n"
                + "k=\"${SLURM_ARRAY_TASK_ID}\"\n"
                + "# exit 3 (some claims errored) still leaves a complete shard for the merge\n"
                + "./reprobench --runs-dir " + runsDir + " run " + runArgs() + " --shard \"$k/" + shards + "\" --run-id \""
                + runPrefix + "-shard-$k\" || [ $? -eq 3 ]\n";
        String merge = header
                + "#SBATCH --job-name=reprobench-" + runPrefix + "-merge\n"
                + "#SBATCH --output=" + runsDir + "/" + runPrefix + "-merge.log\n"
                + "set -euo pipefail\n"
                + "cd " + home + "\n"
                + "./reprobench --runs-dir " + runsDir + " merge --run-id " + runPrefix + " " + shardIds() + "\n";
        String submit = "#!/bin/bash\n"
                + "# Submits the shard array, then the merge once every task has ended (afterany: a failed\n"
                + "# shard is reported by the merge, not silently dropped).\n"
                + "set -euo pipefail\n"
                + "cd \"$(dirname \"$0\")\"\n"
                + "mkdir -p " + runsDir + "\n"
                + "array=$(sbatch --parsable array.sbatch)\n"
                + "merge=$(sbatch --parsable --dependency=afterany:${array%%;*} merge.sbatch)\n"
                + "echo \"array job $array, merge job $merge\"\n";
        List<Path> files = new ArrayList<>();
        for (String[] f : new String[][] {{"array.sbatch", array}, {"merge.sbatch", merge}, {"submit.sh", submit}}) {
            Path p = dir.resolve(f[0]);
            Json.writeAtomically(p, f[1]);
            p.toFile().setExecutable(true);
            files.add(p);
        }
        return files;
    }

    /** Writes job.yaml (an Indexed Job, completion index = shard - 1) and merge-job.yaml into dir. */
    public List<Path> writeKubernetes(Path dir) throws IOException {
        String name = "reprobench-" + runPrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String resources = "          resources:\n"
                + "            requests: {cpu: \"" + cpus + "\", memory: \"" + k8sMemory() + "\"}\n"
                + "            limits: {memory: \"" + k8sMemory() + "\"" + (gpus > 0 ? ", nvidia.com/gpu: \"" + gpus + "\"" : "") + "}\n";
        String volume = "          volumeMounts:\n"
                + "            - {name: results, mountPath: /results}\n"
                + "      volumes:\n"
                + "        - name: results\n"
                + "          persistentVolumeClaim: {claimName: " + volumeClaim + "}\n";
        String job = "# One shard per completion index; written by 'reprobench k8s'.\n"
                + "apiVersion: batch/v1\n"
                + "kind: Job\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "  labels: {app: reprobench}\n"
                + "spec:\n"
                + "  completionMode: Indexed\n"
                + "  completions: " + shards + "\n"
                + "  parallelism: " + Math.min(parallelism, shards) + "\n"
                + "  backoffLimitPerIndex: 1\n"
                + "  maxFailedIndexes: " + shards + "\n"
                + "  template:\n"
                + "    metadata:\n"
                + "      labels: {app: reprobench}\n"
                + "    spec:\n"
                + "      restartPolicy: Never\n"
                + "      containers:\n"
                + "        - name: shard\n"
                + "          image: " + image + "\n"
                + "          workingDir: " + home + "\n"
                + "          command: [\"/bin/sh\", \"-c\"]\n"
                + "          args:\n"
                + "            - >-\n"
                + "              k=$((JOB_COMPLETION_INDEX + 1));\n"
                + "              ./reprobench --runs-dir /results/runs run " + runArgs() + " --shard \"$k/" + shards + "\"\n"
                + "              --run-id \"" + runPrefix + "-shard-$k\" || [ $? -eq 3 ]\n"
                + "          env:\n"
                + "            - {name: REPROBENCH_TORCH_THREADS, value: \"" + cpus + "\"}\n"
                + resources + volume;
        String merge = "# Run after the shard job has completed; written by 'reprobench k8s'.\n"
                + "apiVersion: batch/v1\n"
                + "kind: Job\n"
                + "metadata:\n"
                + "  name: " + name + "-merge\n"
                + "  labels: {app: reprobench}\n"
                + "spec:\n"
                + "  backoffLimit: 0\n"
                + "  template:\n"
                + "    spec:\n"
                + "      restartPolicy: Never\n"
                + "      containers:\n"
                + "        - name: merge\n"
                + "          image: " + image + "\n"
                + "          workingDir: " + home + "\n"
                + "          command: [\"./reprobench\", \"--runs-dir\", \"/results/runs\", \"merge\", \"--run-id\", \"" + runPrefix + "\""
                + IntStream.rangeClosed(1, shards).mapToObj(k -> ", \"" + runPrefix + "-shard-" + k + "\"").collect(Collectors.joining())
                + "]\n"
                + "          resources:\n"
                + "            requests: {cpu: \"1\", memory: \"2Gi\"}\n"
                + volume;
        Path jobFile = dir.resolve("job.yaml");
        Path mergeFile = dir.resolve("merge-job.yaml");
        Json.writeAtomically(jobFile, job);
        Json.writeAtomically(mergeFile, merge);
        return List.of(jobFile, mergeFile);
    }

    /** Slurm's 16G is Kubernetes' 16Gi. */
    String k8sMemory() {
        return memory.matches("\\d+[GMK]") ? memory + "i" : memory;
    }
}
