package org.reprobench.harness;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * run.json: what ran, where, with what. Enough to tell whether two runs can be compared and to
 * resume an interrupted one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(
        String runId,
        String kind,
        String status,
        String profile,
        List<String> papers,
        List<String> claims,
        Integer seeds,
        String shard,
        String startedAt,
        String finishedAt,
        String gitCommit,
        Boolean gitDirty,
        String harnessVersion,
        String java,
        String djlVersion,
        String pytorchVersion,
        String engineDevice,
        Map<String, String> threads,
        Machine machine,
        Map<String, String> paperTitles,
        Map<String, String> datasets,
        String command,
        List<String> plan,
        List<Provenance> shards) {

    /** The machine key runs are compared within. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Machine(String cpuModel, int cores, long memoryBytes, String os, String gpu) {
    }

    public Provenance withStatus(String newStatus, String finished, Map<String, String> newDatasets) {
        return new Provenance(runId, kind, newStatus, profile, papers, claims, seeds, shard, startedAt, finished,
                gitCommit, gitDirty, harnessVersion, java, djlVersion, pytorchVersion, engineDevice, threads, machine,
                paperTitles, newDatasets, command, plan, shards);
    }
}
