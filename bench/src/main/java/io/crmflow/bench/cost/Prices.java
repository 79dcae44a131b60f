package io.crmflow.bench.cost;

import java.time.LocalDate;

/**
 * The list prices the cost instrument turns counts into dollars with, in one place, so the
 * README and the instrument quote the same numbers with the same date. All on-demand, no free
 * tier, no savings plan.
 *
 * @param source                       where and since when, as the README states it
 * @param since                        the date the prices have been listed since
 * @param dynamoDbPerMillionWriteUnits on-demand write request units
 * @param dynamoDbPerMillionReadUnits  on-demand read request units
 * @param lambdaPerMillionRequests     invocations
 * @param lambdaPerGbSecondX86         duration, x86_64
 * @param lambdaPerGbSecondArm         duration, arm64
 * @param sqsPerMillionRequests        standard queue requests, each 64 KB chunk of a payload one request
 * @param eventBridgePerMillionEvents  custom events put on a bus, each 64 KB chunk one event
 * @param schedulerPerMillionInvocations EventBridge Scheduler (crmflow's timers do not use it)
 * @param sesPerThousandEmails         each recipient of a message counts as one email
 * @param logsPerGbIngested            CloudWatch Logs, standard log class
 * @param stepFunctionsStandardPerMillionTransitions Step Functions Standard workflows
 */
public record Prices(String source, LocalDate since, double dynamoDbPerMillionWriteUnits,
                     double dynamoDbPerMillionReadUnits, double lambdaPerMillionRequests, double lambdaPerGbSecondX86,
                     double lambdaPerGbSecondArm, double sqsPerMillionRequests, double eventBridgePerMillionEvents,
                     double schedulerPerMillionInvocations, double sesPerThousandEmails, double logsPerGbIngested,
                     double stepFunctionsStandardPerMillionTransitions) {

    /** DynamoDB's on-demand prices were cut on 1 November 2024; the others have held since before then. */
    public static final Prices US_EAST_1 = new Prices(
            "AWS price pages, us-east-1, as listed since 1 November 2024", LocalDate.of(2024, 11, 1),
            0.625, 0.125, 0.20, 0.0000166667, 0.0000133334, 0.40, 1.00, 1.00, 0.10, 0.50, 25.00);

    /** The duration price of a function built for {@code architecture} ({@code arm64} or {@code x86_64}). */
    public double lambdaPerGbSecond(String architecture) {
        return switch (architecture) {
            case "arm64" -> lambdaPerGbSecondArm;
            case "x86_64" -> lambdaPerGbSecondX86;
            default -> throw new IllegalArgumentException("Lambda has no architecture '" + architecture + "'");
        };
    }
}
