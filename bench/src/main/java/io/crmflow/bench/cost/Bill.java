package io.crmflow.bench.cost;

import io.crmflow.local.Invocations;
import io.crmflow.local.RequestCounts;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a counted {@link Phase} would be billed on AWS, quantity by quantity, at {@link Prices}.
 * Immutable.
 *
 * @param requests    requests AWS would see, by service (see {@link Service#madeOnAws})
 * @param readUnits   DynamoDB read request units, table and indexes
 * @param writeUnits  DynamoDB write request units, table and indexes
 * @param sqsRequests SQS requests as billed: each 64 KB chunk of a request's payload one request
 * @param events      EventBridge custom events as billed: each 64 KB chunk one event
 * @param emails      SES emails: each recipient of a message one
 * @param invocations Lambda invocations
 * @param gbSeconds   Lambda duration times memory, each invocation's duration rounded up to the
 *                    millisecond (bounded here by adding a millisecond to each)
 * @param logBytes    CloudWatch Logs ingested: the functions' own lines and Lambda's per-invocation lines
 * @param dollars     what each part costs
 */
record Bill(Map<Service, Long> requests, double readUnits, double writeUnits, long sqsRequests, long events,
            long emails, long invocations, double gbSeconds, long logBytes, Map<Part, Double> dollars) {

    /** The parts of a bill, as the report lists them. */
    enum Part {
        DYNAMODB("DynamoDB"),
        LAMBDA("Lambda"),
        SQS("SQS"),
        EVENTBRIDGE("EventBridge"),
        SES("SES"),
        LOGS("CloudWatch Logs");

        final String label;

        Part(String label) {
            this.label = label;
        }
    }

    /**
     * Lambda writes a START, an END and a REPORT line for every invocation, about 300 bytes
     * together; they are ingested like the function's own and never reach the local stack.
     */
    static final long PLATFORM_LOG_BYTES_PER_INVOCATION = 300;
    private static final long CHUNK = 64 * 1024;

    Bill {
        requests = Map.copyOf(requests);
        dollars = Map.copyOf(dollars);
    }

    static Bill of(Phase phase, Prices prices, Map<String, FunctionBilling> functions) {
        Map<Service, Long> requests = new EnumMap<>(Service.class);
        double read = 0;
        double write = 0;
        long sqs = 0;
        long events = 0;
        long emails = 0;
        for (RequestCounts.Tally t : phase.requests()) {
            if (!Service.madeOnAws(t)) {
                continue;
            }
            Service service = Service.of(t);
            requests.merge(service, t.requests(), Long::sum);
            read += t.readUnits();
            write += t.writeUnits();
            switch (service) {
                case SQS -> sqs += t.requests() * chunks(t.largestBody());
                case EVENTBRIDGE -> events += t.items() * chunks(t.largestBody());
                case SES -> emails += t.items();
                default -> {
                    // DynamoDB is billed by its units
                }
            }
        }
        long invocations = 0;
        double gbSeconds = 0;
        double lambdaDollars = 0;
        for (Invocations.Tally t : phase.invocations()) {
            FunctionBilling f = functions.get(t.function());
            if (f == null) {
                throw new IllegalStateException("function " + t.function() + " is not in the template");
            }
            double seconds = t.duration().toNanos() / 1e9 + t.invocations() / 1000.0;
            invocations += t.invocations();
            gbSeconds += seconds * f.gigabytes();
            lambdaDollars += seconds * f.gigabytes() * prices.lambdaPerGbSecond(f.architecture());
        }
        long logBytes = phase.logBytes() + invocations * PLATFORM_LOG_BYTES_PER_INVOCATION;
        Map<Part, Double> dollars = new EnumMap<>(Part.class);
        dollars.put(Part.DYNAMODB, (read * prices.dynamoDbPerMillionReadUnits()
                + write * prices.dynamoDbPerMillionWriteUnits()) / 1e6);
        dollars.put(Part.LAMBDA, invocations * prices.lambdaPerMillionRequests() / 1e6 + lambdaDollars);
        dollars.put(Part.SQS, sqs * prices.sqsPerMillionRequests() / 1e6);
        dollars.put(Part.EVENTBRIDGE, events * prices.eventBridgePerMillionEvents() / 1e6);
        dollars.put(Part.SES, emails * prices.sesPerThousandEmails() / 1e3);
        dollars.put(Part.LOGS, logBytes / 1e9 * prices.logsPerGbIngested());
        return new Bill(requests, read, write, sqs, events, emails, invocations, gbSeconds, logBytes, dollars);
    }

    long requests(Service service) {
        return requests.getOrDefault(service, 0L);
    }

    double dollars(Part part) {
        return dollars.getOrDefault(part, 0.0);
    }

    double total() {
        return dollars.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Everything but SES's delivery fee, which any design that sends the email pays alike. */
    double orchestration() {
        return total() - dollars(Part.SES);
    }

    private static long chunks(long bytes) {
        return Math.max(1, (bytes + CHUNK - 1) / CHUNK);
    }
}
