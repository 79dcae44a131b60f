package io.crmflow.bench.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One function started in a process of its own to handle one event, as a cold Lambda container
 * does: the JVM, the handler's construction, the event read, the event handled.
 *
 * @param classPath   the function's deployable jar first, then what {@link FirstEvent} needs
 * @param environment the function's environment, as the template gives it
 * @param classLog    where the JVM logs each class it loads, for a start that profiles rather than
 *                    times (the log slows it); null to time it
 */
record Launch(String handlerClass, String eventClass, Path eventFile, boolean primed, List<Path> classPath,
              Map<String, String> environment, Path classLog) {

    /** Up to the first event handled, a minute at most: a process past that is broken, not slow. */
    private static final long LIMIT_SECONDS = 60;

    /**
     * @param wallNanos  from asking for the process to reading its line: what a cold start costs
     * @param buildNanos within the process, building the handler
     * @param primeNanos within the process, priming the handler (0 when not primed)
     * @param firstNanos within the process, reading and handling the first event
     * @param answer     the handler's answer to the event, as JSON
     */
    record Timed(long wallNanos, long buildNanos, long primeNanos, long firstNanos, String answer) {
    }

    /** The same start, logging every class it loads to {@code log}. */
    Launch withClassLog(Path log) {
        return new Launch(handlerClass, eventClass, eventFile, primed, classPath, environment, log);
    }

    Timed run() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:+UseSerialGC", "-Xshare:auto"));
        if (classLog != null) {
            command.add("-Xlog:class+load=info:file=" + classLog);
        }
        command.addAll(List.of("-cp",
                String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                FirstEvent.class.getName(), handlerClass, eventClass, eventFile.toString(), primed ? "primed" : "cold"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        // A process that hangs before its line would block the read below for ever.
        CompletableFuture.delayedExecutor(LIMIT_SECONDS, TimeUnit.SECONDS).execute(process::destroyForcibly);
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(FirstEvent.HANDLED + " ")) {
                    long wall = System.nanoTime() - start;
                    String[] phases = line.split(" ");
                    String answer = answer(lines);
                    finish(process);
                    return new Timed(wall, Long.parseLong(phases[1]), Long.parseLong(phases[2]),
                            Long.parseLong(phases[3]), answer);
                }
                output.add(line);
            }
        } finally {
            process.destroyForcibly();
        }
        throw new IllegalStateException(handlerClass + " ended without handling its event (exit "
                + process.waitFor() + "):\n" + String.join("\n", output.subList(Math.max(0, output.size() - 40),
                output.size())));
    }

    private static String answer(BufferedReader lines) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith(FirstEvent.RESULT + " ")) {
                return line.substring(FirstEvent.RESULT.length() + 1);
            }
        }
        throw new IllegalStateException("the process handled its event but gave no answer");
    }

    private static void finish(Process process) throws InterruptedException {
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The JVM this run is on, so that both sides of a comparison start the same one. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
