package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.local.LocalStack;
import io.crmflow.local.RequestCounts;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What one step costs the table, held down: the requests of the step function are what an
 * action pays most often, so a change that adds one shows here before it shows on the bill.
 */
@DisplayName("A step reads what it decides on in one request, and commits its actions in one transaction")
class StepRequestsTest {
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();

    @Test
    void aPropertyATaskAndADelay_costTheStepOneReadAndOneCommit() {
        Api api = Api.forNewTenant(stack, tenant);
        api.put("/workflows/w", """
                {"name": "Three actions", "objectType": "contact", "firstActionId": "set",
                 "actions": [
                   {"type": "set_property", "id": "set", "property": "jobtitle", "value": "Customer", "next": "task"},
                   {"type": "create_task", "id": "task", "subject": "Call", "body": "Say thanks", "dueIn": "P1D",
                    "next": "wait"},
                   {"type": "delay", "id": "wait", "duration": "P1D"}
                 ]}""").expect(200);
        api.post("/records/contact", "{\"id\":\"c-1\",\"properties\":{\"email\":\"ada@example.com\"}}").expect(201);
        stack.drain();

        RequestCounts.Recording requests = stack.requests().record();
        try (requests) {
            api.post("/workflows/w/enrollments", "{\"objectType\": \"contact\", \"id\": \"c-1\"}").expect(201);
            stack.drain();
        }

        Map<String, Long> step = requests.tallies().stream()
                .filter(t -> t.key().caller().equals("StepFunction") && t.key().service().equals("DynamoDb"))
                .collect(Collectors.toMap(t -> t.key().operation(), RequestCounts.Tally::requests, Long::sum));
        assertThat(step).containsEntry("BatchGetItem", 1L).containsEntry("TransactWriteItems", 1L)
                .doesNotContainKey("GetItem");
        assertThat(api.get("/records/contact/c-1").json().at("/properties/jobtitle").asText()).isEqualTo("Customer");
    }
}
