package io.crmflow.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmflow.local.RequestCounts.Key;
import io.crmflow.local.RequestCounts.Outcome;
import io.crmflow.local.RequestCounts.Tally;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A cost report divides by the actions run, and sets crmflow's orchestration beside Step Functions'")
class CostReportTest {
    private static final Phase NOTHING = new Phase(List.of(), List.of(), 0);

    /** 400 enrollments completed of 500 contacts: 2,000 actions, whose writes cost $1.25 in all. */
    private static CostReport report(long completed) {
        Phase execution = new Phase(List.of(new Tally(new Key("StepFunction", "DynamoDb", "TransactWriteItems",
                Outcome.SUCCEEDED), 1_000, 4_000, 900, 0, 2_000_000)), List.of(), 0);
        return CostReport.of(new RunCounts(500, completed, completed, NOTHING, execution, NOTHING), Prices.US_EAST_1,
                Map.of(), 2);
    }

    @Test
    void perActionFigures_divideByTheActionsOfTheEnrollmentsCompleted_notByTheContactsAskedFor() {
        CostReport r = report(400);

        assertThat(r.actions()).isEqualTo(2_000);
        assertThat(r.perAction(r.execution().requests(Service.DYNAMODB))).isEqualTo(0.5);
        assertThat(r.perMillionActions(r.execution().total())).isCloseTo(1.25 / 2_000 * 1e6, within(1e-6));
    }

    @Test
    void theRatio_isStepFunctionsTransitionsOverCrmflowsOrchestration_perMillionActions() {
        CostReport r = report(400);

        assertThat(r.stepFunctionsPerMillionActions()).isEqualTo(25.0);
        assertThat(r.ratio()).isCloseTo(25.0 / 625.0, within(1e-9));
    }

    @Test
    void idleQueuePolling_isEveryPollersLongPollsForAMonth() {
        assertThat(report(400).idlePollingDollarsPerMonth()).isCloseTo(2 * 648_000 * 0.40 / 1e6, within(1e-9));
    }

    @Test
    void aRunWhereNothingCompleted_hasNoActionToDivideBy() {
        CostReport r = report(0);

        assertThatThrownBy(() -> r.perAction(1)).isInstanceOf(IllegalStateException.class);
    }
}
