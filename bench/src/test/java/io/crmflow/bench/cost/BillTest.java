package io.crmflow.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmflow.local.Invocations;
import io.crmflow.local.LocalStack;
import io.crmflow.local.RequestCounts;
import io.crmflow.local.RequestCounts.Key;
import io.crmflow.local.RequestCounts.Outcome;
import io.crmflow.local.RequestCounts.Tally;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A bill prices what AWS would see of the counted requests, at the listed prices")
class BillTest {
    private static final Map<String, FunctionBilling> FUNCTIONS = Map.of(
            "StepFunction", new FunctionBilling("StepFunction", 1024, "arm64"),
            "TimerFunction", new FunctionBilling("TimerFunction", 512, "x86_64"));

    private static Tally tally(String caller, String service, String operation, Outcome outcome, long requests,
                               long items, long body, double read, double write) {
        return new Tally(new Key(caller, service, operation, outcome), requests, items, body, read, write);
    }

    @Test
    void eachServiceIsBilledByItsOwnQuantity() {
        Phase phase = new Phase(List.of(
                tally("StepFunction", "DynamoDb", "GetItem", Outcome.SUCCEEDED, 3_000_000, 3_000_000, 100, 3e6, 0),
                tally("StepFunction", "DynamoDb", "TransactWriteItems", Outcome.SUCCEEDED, 1_000_000, 4_000_000,
                        900, 0, 8e6),
                tally("StepFunction", "Sqs", "SendMessageBatch", Outcome.SUCCEEDED, 1_000_000, 5_000_000, 2_000, 0, 0),
                tally("StepFunction", "EventBridge", "PutEvents", Outcome.SUCCEEDED, 1_000_000, 2_000_000, 3_000, 0, 0),
                tally("StepFunction", "SesV2", "SendEmail", Outcome.SUCCEEDED, 1_000, 2_000, 500, 0, 0)),
                List.of(new Invocations.Tally("StepFunction", 1_000_000, Duration.ofSeconds(9_000))), 700_000_000L);

        Bill bill = Bill.of(phase, Prices.US_EAST_1, FUNCTIONS);

        assertThat(bill.requests(Service.DYNAMODB)).isEqualTo(4_000_000);
        assertThat(bill.dollars(Bill.Part.DYNAMODB)).isCloseTo(3 * 0.125 + 8 * 0.625, within(1e-9));
        assertThat(bill.dollars(Bill.Part.SQS)).as("one request per batch under 64 KB").isCloseTo(0.40, within(1e-9));
        assertThat(bill.dollars(Bill.Part.EVENTBRIDGE)).as("by the event, not the request").isCloseTo(2.00, within(1e-9));
        assertThat(bill.dollars(Bill.Part.SES)).as("by the recipient").isCloseTo(0.20, within(1e-9));
        // 9,000 s measured plus a millisecond's rounding for each of the million invocations, at 1 GB arm64.
        assertThat(bill.gbSeconds()).isCloseTo(10_000, within(1e-6));
        assertThat(bill.dollars(Bill.Part.LAMBDA)).isCloseTo(0.20 + 10_000 * 0.0000133334, within(1e-9));
        assertThat(bill.logBytes()).isEqualTo(700_000_000L + 1_000_000 * Bill.PLATFORM_LOG_BYTES_PER_INVOCATION);
        assertThat(bill.dollars(Bill.Part.LOGS)).isCloseTo(0.5, within(1e-9));
        assertThat(bill.orchestration()).isCloseTo(bill.total() - 0.20, within(1e-9));
    }

    @Test
    void theStandInsLookups_andEmptyReceives_areNotBilled_butAFunctionsFailedRequestIs() {
        Phase phase = new Phase(List.of(
                tally(RequestCounts.NO_FUNCTION, "Sqs", "GetQueueAttributes", Outcome.SUCCEEDED, 50, 1, 100, 0, 0),
                tally(LocalStack.EVENT_RULES, "Sqs", "GetQueueUrl", Outcome.SUCCEEDED, 5, 1, 100, 0, 0),
                tally(RequestCounts.NO_FUNCTION, "Sqs", "ReceiveMessage", Outcome.EMPTY, 70, 0, 100, 0, 0),
                tally(RequestCounts.NO_FUNCTION, "Sqs", "ReceiveMessage", Outcome.SUCCEEDED, 10, 100, 100, 0, 0),
                tally("StepFunction", "DynamoDb", "PutItem", Outcome.FAILED, 2, 2, 0, 0, 0)),
                List.of(), 0);

        Bill bill = Bill.of(phase, Prices.US_EAST_1, FUNCTIONS);

        assertThat(bill.requests(Service.SQS)).isEqualTo(10);
        assertThat(bill.sqsRequests()).isEqualTo(10);
        assertThat(bill.requests(Service.DYNAMODB)).isEqualTo(2);
    }

    @Test
    void aPayloadOver64Kilobytes_isBilledPerChunk() {
        Phase phase = new Phase(List.of(
                tally("StepFunction", "Sqs", "SendMessageBatch", Outcome.SUCCEEDED, 10, 10, 64 * 1024 + 1, 0, 0)),
                List.of(), 0);

        assertThat(Bill.of(phase, Prices.US_EAST_1, FUNCTIONS).sqsRequests()).isEqualTo(20);
    }
}
