package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The Slurm scripts parse as bash; the Kubernetes manifests fit the Kubernetes API model strictly. */
class ClusterJobsTest {
    @TempDir
    Path tmp;

    private static ClusterJobs jobs(int gpus) {
        return new ClusterJobs("paper", 4, List.of("sft-pg"), List.of(), 5, "/src/reprobench", "/src/reprobench/results/runs",
                "paper-x", 8, "32G", "12:00:00", "gpu", gpus, "registry.example/reprobench:1", "results-pvc", 2);
    }

    @Test
    void slurmArrayRunsOneShardPerTaskThenMerges() throws Exception {
        List<Path> files = jobs(1).writeSlurm(tmp);
        String array = Files.readString(files.get(0));
        assertTrue(array.contains("#SBATCH --array=1-4"));
        assertTrue(array.contains("#SBATCH --gres=gpu:1"));
        assertTrue(array.contains("run --profile paper --paper sft-pg --seeds 5 --shard \"$k/4\" --run-id \"paper-x-shard-$k\""), array);
        String merge = Files.readString(files.get(1));
        assertTrue(merge.contains("merge --run-id paper-x paper-x-shard-1 paper-x-shard-2 paper-x-shard-3 paper-x-shard-4"));
        assertTrue(Files.readString(files.get(2)).contains("--dependency=afterany:"));
        for (Path f : files) {
            Process p = new ProcessBuilder("bash", "-n", f.toString()).redirectErrorStream(true).start();
            assertEquals(0, p.waitFor(), f + ": " + new String(p.getInputStream().readAllBytes()));
        }
        assertTrue(!Files.readString(jobs(0).writeSlurm(tmp.resolve("..").resolve(tmp.getFileName())).get(0)).contains("--gres"));
    }

    @Test
    void kubernetesManifestsFitTheApiModel() throws Exception {
        List<Path> files = jobs(2).writeKubernetes(tmp);
        Job job = strict(files.get(0));
        assertEquals("Indexed", job.getSpec().getCompletionMode());
        assertEquals(4, job.getSpec().getCompletions());
        assertEquals(2, job.getSpec().getParallelism());
        var c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("registry.example/reprobench:1", c.getImage());
        assertEquals(new Quantity("2"), c.getResources().getLimits().get("nvidia.com/gpu"));
        assertEquals(new Quantity("32Gi"), c.getResources().getRequests().get("memory"));
        assertTrue(c.getArgs().get(0).contains("k=$((JOB_COMPLETION_INDEX + 1));"), c.getArgs().get(0));
        assertTrue(c.getArgs().get(0).contains("--shard \"$k/4\""));
        assertEquals("results-pvc", job.getSpec().getTemplate().getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName());
        Job merge = strict(files.get(1));
        assertEquals(List.of("./reprobench", "--runs-dir", "/results/runs", "merge", "--run-id", "paper-x", "paper-x-shard-1",
                "paper-x-shard-2", "paper-x-shard-3", "paper-x-shard-4"), merge.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand());
    }

    @Test
    void theCheckCatchesAFieldKubernetesDoesNotHave() throws Exception {
        Path f = jobs(0).writeKubernetes(tmp).get(0);
        Files.writeString(f, Files.readString(f).replace("completionMode: Indexed", "completionMode: Indexed\n  complitions: 3")
                .replace("restartPolicy: Never", "restartPolicy: Never\n      nodeSelektor: {}"));
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> strict(f));
        assertTrue(e.getMessage().contains("complitions") || e.getMessage().contains("nodeSelektor"), e.getMessage());
    }

    /** Reads a manifest into the typed model and fails on any field the Kubernetes API does not have. */
    private static Job strict(Path file) throws Exception {
        Object tree = new Yaml().load(Files.readString(file));
        Job job = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true).convertValue(tree, Job.class);
        assertEquals("batch/v1", job.getApiVersion());
        assertEquals("Job", job.getKind());
        List<String> unknown = new ArrayList<>();
        collectUnknown(job, "", unknown);
        assertEquals(List.of(), unknown, "fields the Kubernetes API model does not know");
        var pod = job.getSpec().getTemplate().getSpec();
        assertTrue(List.of("Never", "OnFailure").contains(pod.getRestartPolicy()), "a Job's pods must not restart Always");
        assertTrue(!pod.getContainers().isEmpty());
        return job;
    }

    /** fabric8 keeps unknown fields in additionalProperties instead of failing: walk the tree and collect them. */
    private static void collectUnknown(Object o, String path, List<String> out) throws Exception {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Quantity) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object x : c) {
                collectUnknown(x, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                collectUnknown(e.getValue(), path + "." + e.getKey(), out);
            }
            return;
        }
        if (!(o instanceof KubernetesResource)) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getName().equals("getClass")) {
                continue;
            }
            Object v = m.invoke(o);
            if (m.getName().equals("getAdditionalProperties")) {
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + " " + extra.keySet());
                }
            } else {
                collectUnknown(v, path + "." + m.getName().substring(3), out);
            }
        }
    }
}
