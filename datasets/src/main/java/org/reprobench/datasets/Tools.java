package org.reprobench.datasets;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Running the external programs the stand-ins need (npm, espeak-ng). */
final class Tools {
    private Tools() {
    }

    record Result(int exitCode, byte[] stdout, String stderr) {
        String tail() {
            String s = stderr.isBlank() ? new String(stdout, StandardCharsets.UTF_8) : stderr;
            s = s.strip();
            return s.length() > 600 ? "..." + s.substring(s.length() - 600) : s;
        }
    }

    static boolean onPath(String program) {
        // -Dreprobench.toolsPath overrides PATH (tests use it to simulate a machine without the tools)
        String path = System.getProperty("reprobench.toolsPath", System.getenv("PATH"));
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a command, collecting stdout (bytes) and stderr (text), with a timeout in seconds.
     *
     * @param stdin bytes to feed, or null for none
     */
    static Result run(List<String> command, byte[] stdin, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outPump = pump(p.getInputStream(), out);
        Thread errPump = pump(p.getErrorStream(), err);
        try {
            if (stdin != null) {
                p.getOutputStream().write(stdin);
            }
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            outPump.join();
            errPump.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        return new Result(p.exitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException ignored) {
                // the process died; its exit code tells the story
            }
        }, "pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
