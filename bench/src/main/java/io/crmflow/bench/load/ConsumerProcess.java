package io.crmflow.bench.load;

import io.crmflow.aws.AwsClients;
import io.crmflow.json.Json;
import io.crmflow.local.DeliveryFaults;
import io.crmflow.local.QueuePoller;
import io.crmflow.local.StandaloneConsumer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One consumer of a stack's queue in a JVM of its own — a handler process the load can kill
 * mid-batch. It reaches the stack's services over HTTP only, runs the queue's real handler with
 * the parent's faults, and tells the parent on standard output, one line each, what it is
 * doing ({@link Line}), so the parent knows when it is in the middle of a batch. It stops when
 * its standard input closes.
 *
 * <pre>ConsumerProcess setup.json seed redeliverShare failAfterShare</pre>
 *
 * Its clock is the wall clock: the parent keeps it only while its own clock is the wall clock.
 */
public final class ConsumerProcess {
    /** What the child says, first word of each line. */
    enum Line {
        /** Polling has started. */
        READY,
        /** The handler was called with a batch; the line ends with its size. */
        BATCH,
        /** The handler made one write to the table. */
        WRITE,
        /** The handler returned. */
        RETURNED,
        /** The faults redelivered a message. */
        REDELIVERED,
        /** The faults failed an invocation after its work. */
        FAILED_AFTER
    }

    private ConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        StandaloneConsumer setup = Json.read(Files.readString(Path.of(args[0])), StandaloneConsumer.class);
        PrintStream parent = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // Nothing but the lines below may reach the parent's pipe.
        System.setOut(System.err);
        DeliveryFaults faults = new ReportedFaults(new RandomFaults(Long.parseLong(args[1]),
                Double.parseDouble(args[2]), Double.parseDouble(args[3])), parent);
        try (AwsClients clients = setup.clients(List.of(new WriteReporter(parent)))) {
            var handler = setup.handler(clients, Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream()));
            try (QueuePoller poller = setup.poller(clients, event -> {
                say(parent, Line.BATCH, event.getRecords().size());
                var answer = handler.handleRequest(event, setup.context(Clock.systemUTC()));
                say(parent, Line.RETURNED, event.getRecords().size());
                return answer;
            }, 1, faults)) {
                poller.start();
                say(parent, Line.READY, 0);
                // Blocks until the parent closes the pipe: the one way it asks for a clean stop.
                System.in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    static void say(PrintStream parent, Line line, int count) {
        parent.println(line.name() + " " + count);
    }

    /** Says each write to the table once it succeeded: what a kill then leaves half done. */
    private record WriteReporter(PrintStream parent) implements ExecutionInterceptor {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            Object request = context.request();
            if (request instanceof PutItemRequest || request instanceof UpdateItemRequest
                    || request instanceof DeleteItemRequest || request instanceof TransactWriteItemsRequest
                    || request instanceof BatchWriteItemRequest) {
                say(parent, Line.WRITE, 1);
            }
        }
    }

    /** The parent's faults, each one said as it is made, since a killed child cannot count for it. */
    private record ReportedFaults(RandomFaults faults, PrintStream parent) implements DeliveryFaults {
        @Override
        public boolean failsAfterHandling(List<Message> batch) {
            boolean fails = faults.failsAfterHandling(batch);
            if (fails) {
                say(parent, Line.FAILED_AFTER, batch.size());
            }
            return fails;
        }

        @Override
        public boolean redelivers(Message handled) {
            boolean again = faults.redelivers(handled);
            if (again) {
                say(parent, Line.REDELIVERED, 1);
            }
            return again;
        }
    }
}
