package org.reprobench.harness;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Facts about the machine, the engine and the source tree, for run.json. */
public final class Environment {
    private Environment() {
    }

    public static Provenance.Machine machine() {
        String cpu = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = System.getProperty("os.arch");
        }
        long memory = 0;
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            memory = sun.getTotalMemorySize();
        }
        String gpu = run(List.of("nvidia-smi", "--query-gpu=name", "--format=csv,noheader"));
        return new Provenance.Machine(cpu, Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                gpu == null || gpu.isBlank() ? null : gpu.trim());
    }

    public static String java() {
        return System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version");
    }

    /** PyTorch thread settings as passed to DJL (recorded because they change speed 10-40x here). */
    public static Map<String, String> threads() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("pytorch_num_threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        t.put("pytorch_num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
        t.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        t.put("djl_offline", System.getProperty("ai.djl.offline", System.getenv().getOrDefault("DJL_OFFLINE", "false")));
        return t;
    }

    /** Loads the PyTorch engine (offline) and returns {djl version, pytorch version, device}. */
    public static String[] engine() {
        try {
            Engine e = Engine.getEngine("PyTorch");
            return new String[] {Engine.getDjlVersion(), e.getVersion(), e.defaultDevice().toString()};
        } catch (RuntimeException | Error e) {
            return new String[] {Engine.getDjlVersion(), "unavailable: " + e.getMessage(), null};
        }
    }

    /**
     * CPU time of the whole process so far (every thread: the claim's, PyTorch's, parallel streams',
     * JIT and GC), or -1 where the JVM cannot tell. Claims run one at a time, so the difference over a
     * claim is its CPU cost; unlike wall time it does not grow with the load of other processes.
     */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Applies -Dai.djl.pytorch.num_threads to the calling thread. PyTorch's intra-op (OpenMP)
     * thread count is per thread: DJL sets it on the thread that loads the engine, and a claim
     * runs on a thread of its own, where PyTorch would fall back to one OpenMP thread per core
     * (4-6x slower for small ops on 2 cores, measured by the sgldiff module). The launchers also
     * export OMP_NUM_THREADS, which covers every thread.
     */
    public static void applyTorchThreads() {
        Integer n = Integer.getInteger("ai.djl.pytorch.num_threads");
        if (n != null && n > 0) {
            Engine.getEngine("PyTorch"); // loads the native library if nothing has yet
            ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
        }
    }

    public static String gitCommit() {
        String c = run(List.of("git", "rev-parse", "HEAD"));
        return c == null ? null : c.trim();
    }

    public static Boolean gitDirty() {
        String s = run(List.of("git", "status", "--porcelain", "--untracked-files=no"));
        return s == null ? null : !s.isBlank();
    }

    public static String harnessVersion() {
        String v = Environment.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
