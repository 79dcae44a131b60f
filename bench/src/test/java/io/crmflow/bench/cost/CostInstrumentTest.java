package io.crmflow.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.bench.Figure;
import io.crmflow.bench.ReferenceWorkflow;
import io.crmflow.bench.Size;
import io.crmflow.local.RequestCounts;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cost instrument at its small size: its figures mean nothing at twenty contacts, but the
 * run behind them must be the whole reference workflow, every contact to its email, and every
 * figure must come from what was counted.
 */
@DisplayName("The cost instrument runs the reference workflow to the end and prices what it counted")
class CostInstrumentTest {
    private static final int CONTACTS = CostInstrument.contacts(Size.SMALL);
    private static CostReport report;

    @BeforeAll
    static void run() throws Exception {
        report = CostInstrument.measure(Size.SMALL);
    }

    @Test
    void everyContactIsEnrolled_completes_andGetsExactlyOneEmail() {
        assertThat(report.run().contacts()).isEqualTo(CONTACTS);
        assertThat(report.run().completed()).isEqualTo(CONTACTS);
        assertThat(report.run().emails()).isEqualTo(CONTACTS);
        assertThat(report.actions()).isEqualTo((long) CONTACTS * ReferenceWorkflow.ACTIONS_PER_ENROLLMENT);
    }

    @Test
    void theExecution_madeRequestsOfEveryService_andTheFunctionsRan() {
        Bill execution = report.execution();
        assertThat(execution.requests(Service.DYNAMODB)).isPositive();
        assertThat(execution.requests(Service.SQS)).isPositive();
        assertThat(execution.requests(Service.EVENTBRIDGE)).isPositive();
        assertThat(execution.requests(Service.SES)).as("one SendEmail per contact").isEqualTo(CONTACTS);
        assertThat(execution.emails()).isEqualTo(CONTACTS);
        assertThat(execution.readUnits()).isPositive();
        assertThat(execution.writeUnits()).isPositive();
        assertThat(report.run().execution().invocations()).extracting(t -> t.function())
                .contains("TriggerFunction", "StepFunction", "TimerFunction").doesNotContain("ApiFunction");
        assertThat(report.run().creation().invocations()).singleElement()
                .satisfies(t -> assertThat(t.invocations()).isEqualTo(CONTACTS));
    }

    @Test
    void everyQueueMessageAndEvent_fitsIn64Kilobytes_soEachRequestIsBilledAsOne() {
        assertThat(report.run().execution().requests()).filteredOn(t -> t.key().service().matches("Sqs|EventBridge"))
                .isNotEmpty().allSatisfy(t -> assertThat(t.largestBody()).isLessThan(64 * 1024));
    }

    @Test
    void perActionFigures_divideWhatWasCounted_byTheActionsRun() {
        long dynamoDb = report.run().execution().requests().stream()
                .filter(t -> t.key().service().equals("DynamoDb")).mapToLong(RequestCounts.Tally::requests).sum();
        List<Figure> figures = CostFigures.of(report);

        assertThat(figures.get(0).measure()).startsWith("DynamoDB requests per action");
        assertThat(figures.get(0).value()).isEqualTo(CostFigures.number((double) dynamoDb / report.actions()));
        assertThat(figures.get(0).verdict()).isNotEqualTo(Figure.Verdict.CONTEXT);
        assertThat(figures.get(1).value()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f×",
                25.0 / (report.execution().orchestration() / report.actions() * 1e6)));
    }
}
