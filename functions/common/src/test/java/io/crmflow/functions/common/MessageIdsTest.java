package io.crmflow.functions.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A failing message is logged by the ids its body names, never by its body")
class MessageIdsTest {

    private static SQSMessage message(String body) {
        return SqsDeliveries.message("m-1", body, 1);
    }

    @Test
    void crmEvent_givesTenantEventAndRecord_andNoneOfItsValues() {
        LogIds ids = MessageIds.EVENT.of(message("""
                {"id": "bus-1", "detail-type": "crm.properties.changed", "detail": {"eventId": "evt-1",
                 "tenantId": "acme", "record": {"objectType": "contact", "id": "c-1"},
                 "changes": [{"property": "email", "from": null, "to": "ada@example.com"}]}}"""));

        assertThat(ids.ids()).containsExactly(Map.entry("messageId", "m-1"),
                Map.entry("detailType", "crm.properties.changed"), Map.entry("tenantId", "acme"),
                Map.entry("eventId", "evt-1"), Map.entry("objectType", "contact"), Map.entry("recordId", "c-1"));
    }

    @Test
    void backfillPage_givesTenantAndWorkflow() {
        LogIds ids = MessageIds.EVENT.of(message("""
                {"detail-type": "crmflow.backfill.page", "detail": {"tenantId": "acme", "workflowId": "welcome",
                 "run": 1, "page": 3}}"""));

        assertThat(ids.ids()).containsEntry("tenantId", "acme").containsEntry("workflowId", "welcome")
                .doesNotContainKey("recordId");
    }

    @Test
    void stepMessage_givesTenantWorkflowEnrollmentAndStep() {
        LogIds ids = MessageIds.STEP.of(message("""
                {"tenantId": "acme", "enrollmentId": "welcome~contact~c-1~2", "seq": 4}"""));

        assertThat(ids.ids()).containsExactly(Map.entry("messageId", "m-1"), Map.entry("tenantId", "acme"),
                Map.entry("workflowId", "welcome"), Map.entry("enrollmentId", "welcome~contact~c-1~2"),
                Map.entry("seq", "4"));
    }

    @Test
    void aBodyThatCannotBeRead_givesTheMessageIdAlone() {
        assertThat(MessageIds.EVENT.of(message("email=ada@example.com")).ids()).containsExactly(Map.entry("messageId", "m-1"));
        assertThat(MessageIds.STEP.of(message(null)).ids()).containsExactly(Map.entry("messageId", "m-1"));
    }
}
