package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A name far longer than any id (one a client sent where an id belongs) names nothing: every
 * port reading by it finds nothing, as it would for any id it does not hold, rather than
 * failing. The table refuses keys beyond 2 KB with an error, so the DynamoDB adapter must not
 * pass such a read on.
 */
public abstract class OverlongIdsContract extends StoreContract {
    /** Beyond the longest partition key (2,048 bytes) and sort key (1,024) the table holds. */
    private static final String TOO_LONG = "h".repeat(3000);
    private static final String TOO_LONG_WIDE = "ë".repeat(700);

    @Test
    @DisplayName("R-RUN-6 definitions named by an overlong id are not found")
    void definitions_byOverlongId_areNotFound() {
        for (String id : List.of(TOO_LONG, TOO_LONG_WIDE)) {
            var definitions = stores.definitions();
            assertThat(definitions.tenant(id)).isEmpty();
            assertThat(definitions.customObjectType(T, id)).isEmpty();
            assertThat(definitions.workflow(T, id)).isEmpty();
            assertThat(definitions.workflows(T, List.of(id, "w1"))).isEmpty();
            assertThat(definitions.workflowVersion(T, id, 1)).isEmpty();
            assertThat(definitions.triggeredWorkflows(T, id)).isEmpty();
            assertThat(definitions.list(T, id)).isEmpty();
            assertThat(definitions.pipeline(T, id, id)).isEmpty();
            assertThat(definitions.pipelines(T, id)).isEmpty();
            assertThat(definitions.ticketEmailRules(T, id)).isEmpty();
            assertThat(definitions.emailTemplate(T, id)).isEmpty();
            assertThat(definitions.actionComments(T, id)).isEmpty();
        }
    }

    @Test
    @DisplayName("R-RUN-6 records, people, journeys and enrollments named by an overlong id are not found")
    void othersByOverlongId_areNotFound() {
        for (String id : List.of(TOO_LONG, TOO_LONG_WIDE)) {
            assertThat(stores.records().recordsOfType(T, id, null, 10).items()).isEmpty();
            assertThat(stores.records().listMembers(T, id, null, 10).items()).isEmpty();
            assertThat(stores.people().user(T, id)).isEmpty();
            assertThat(stores.people().team(T, id)).isEmpty();
            assertThat(stores.people().users(T, List.of(id))).isEmpty();
            assertThat(stores.people().teams(T, List.of(id))).isEmpty();
            assertThat(stores.people().notifications(T, id, null, 10).items()).isEmpty();
            assertThat(stores.journeys().journey(T, id)).isEmpty();
            assertThat(stores.journeys().journeyVersions(T, id, null, 10).items()).isEmpty();
            assertThat(stores.journeys().stageVersions(T, "j1", id, null, 10).items()).isEmpty();
            assertThat(stores.journeys().journeysOwned(T, id)).isZero();
            assertThat(stores.enrollments().enrollment(T, id)).isEmpty();
            assertThat(stores.enrollments().enrollmentsOf(T, id, null, 10).items()).isEmpty();
            assertThat(stores.enrollments().history(T, id, null, 10).items()).isEmpty();
            assertThat(stores.enrollments().counters(T, id)).isEmpty();
            assertThat(stores.enrollments().backfill(T, id)).isEmpty();
        }
    }
}
