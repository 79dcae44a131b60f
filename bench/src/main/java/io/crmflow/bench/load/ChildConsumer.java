package io.crmflow.bench.load;

import io.crmflow.json.Json;
import io.crmflow.local.StandaloneConsumer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The parent's side of a {@link ConsumerProcess}: starts the JVM on this JVM's class path,
 * follows what it says, and — once armed — kills it with {@link Process#destroyForcibly()}
 * (SIGKILL) as soon as it is inside a batch (of several messages, preferably) and has written to
 * the table for it. Whether the kill landed mid-batch is known once the child is dead: the batch must never
 * have returned. Thread-safe.
 */
final class ChildConsumer implements AutoCloseable {
    /**
     * Writes made for the batch before the kill is sent: its work is under way, and, the batch
     * holding more messages than the one that wrote, far from done.
     */
    private static final int KILL_AFTER_WRITES = 1;
    /** Messages a batch should hold to be killed in; when traffic is thin, one will do after a while. */
    private static final int KILL_IN_BATCHES_OF = 2;

    /**
     * A kill, as it landed.
     *
     * @param batchSize    the messages of the batch the child was handling
     * @param writesBefore the writes it had made for the batch when the kill was sent
     * @param midBatch     whether the batch never returned: the kill cut it short
     */
    record Kill(int batchSize, int writesBefore, boolean midBatch) {
    }

    private final Process process;
    private final Duration preferBiggerBatchesFor;
    private final Thread reader;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch killed = new CountDownLatch(1);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    private final AtomicLong failedAfter = new AtomicLong();
    private volatile Instant armedAt;
    private volatile Kill kill;
    // Only the reader thread touches these.
    private int batchSize;
    private int writesInBatch;
    private boolean inBatch;
    private boolean returnedSinceKill;

    private ChildConsumer(Process process, Duration preferBiggerBatchesFor) {
        this.process = process;
        this.preferBiggerBatchesFor = preferBiggerBatchesFor;
        this.reader = new Thread(this::follow, "child-consumer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a child consuming the queue that {@code setup} describes, and waits until it polls.
     *
     * @param workDir                where the child's setup and its standard error go
     * @param preferBiggerBatchesFor how long, once armed, a batch of one message is not killed in
     */
    static ChildConsumer start(StandaloneConsumer setup, Path workDir, long seed, double redeliverShare,
                               double failAfterShare, Duration startWithin, Duration preferBiggerBatchesFor)
            throws IOException, InterruptedException {
        Path setupFile = Files.writeString(workDir.resolve("consumer-" + seed + ".json"), Json.write(setup));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                ConsumerProcess.class.getName(), setupFile.toString(), Long.toString(seed),
                Double.toString(redeliverShare), Double.toString(failAfterShare));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve("consumer-" + seed + ".log").toFile()))
                .start();
        ChildConsumer child = new ChildConsumer(process, preferBiggerBatchesFor);
        if (!child.ready.await(startWithin.toMillis(), TimeUnit.MILLISECONDS) || !process.isAlive()) {
            child.process.destroyForcibly();
            throw new IllegalStateException("the consumer process was not polling within " + startWithin
                    + "; see " + workDir.resolve("consumer-" + seed + ".log"));
        }
        return child;
    }

    /** From now on, the next batch that qualifies is cut short by a kill. */
    void arm() {
        armedAt = Instant.now();
    }

    /**
     * Waits for the armed kill and for the process to be gone; empty if {@code hopeless} became
     * true first — no batch is coming any more.
     */
    Optional<Kill> awaitKill(BooleanSupplier hopeless) throws InterruptedException {
        while (!killed.await(200, TimeUnit.MILLISECONDS)) {
            if (hopeless.getAsBoolean()) {
                return Optional.empty();
            }
        }
        process.waitFor();
        reader.join();
        return Optional.ofNullable(kill);
    }

    long received() {
        return received.get();
    }

    long redelivered() {
        return redelivered.get();
    }

    long failedAfter() {
        return failedAfter.get();
    }

    private void follow() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                heard(line);
            }
        } catch (IOException gone) {
            // The pipe broke with the process: nothing more will be said.
        }
        Kill sent = kill;
        if (sent != null) {
            kill = new Kill(sent.batchSize(), sent.writesBefore(), !returnedSinceKill);
        }
        ready.countDown();
    }

    private void heard(String line) {
        String[] words = line.split(" ");
        int count = Integer.parseInt(words[1]);
        switch (ConsumerProcess.Line.valueOf(words[0])) {
            case READY -> ready.countDown();
            case BATCH -> {
                inBatch = true;
                batchSize = count;
                writesInBatch = 0;
                received.addAndGet(count);
            }
            case WRITE -> {
                writesInBatch++;
                if (armedAt != null && kill == null && inBatch && writesInBatch >= KILL_AFTER_WRITES
                        && (batchSize >= KILL_IN_BATCHES_OF
                        || Duration.between(armedAt, Instant.now()).compareTo(preferBiggerBatchesFor) > 0)) {
                    process.destroyForcibly();
                    kill = new Kill(batchSize, writesInBatch, false);
                    killed.countDown();
                }
            }
            case RETURNED -> {
                inBatch = false;
                if (kill != null) {
                    returnedSinceKill = true;
                }
            }
            case REDELIVERED -> redelivered.incrementAndGet();
            case FAILED_AFTER -> failedAfter.incrementAndGet();
        }
    }

    /** Asks the child to stop by closing its input, and waits for it; kills it if it does not stop. */
    @Override
    public void close() {
        try {
            closeQuietly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // A killed child's pipe is broken; it is stopped already.
        }
    }
}
