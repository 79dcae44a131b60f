package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.local.LocalStack;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Through the real API and step handlers: a workflow with no trigger, entered by hand, that branches. */
@DisplayName("R-WF-2 manual enrollment through the API, R-WF-4 if/then branch, R-WF-10 branch in the history")
class ManualEnrollmentAndBranchTest {
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();

    private static final String ROUTER = """
            {"name": "Route by stage", "objectType": "contact", "firstActionId": "which",
             "actions": [
               {"type": "branch", "id": "which", "next": "other",
                "paths": [{"name": "customers", "next": "vip",
                           "criteria": {"groups": [{"conditions": [{"type": "property", "property": "lifecyclestage",
                                                                    "operator": "eq", "values": ["customer"]}]}]}}]},
               {"type": "set_property", "id": "vip", "property": "jobtitle", "value": "Customer"},
               {"type": "set_property", "id": "other", "property": "jobtitle", "value": "Prospect"}
             ]}""";

    @Test
    void enrollByHand_runsTheBranchItMatches_andASecondEnrollmentIs409() {
        Api api = Api.forNewTenant(stack, tenant);
        assertThat(api.put("/workflows/router", ROUTER).status()).isEqualTo(200);
        api.post("/records/contact", "{\"id\":\"ada\",\"properties\":{\"lifecyclestage\":\"customer\"}}");
        api.post("/records/contact", "{\"id\":\"bob\",\"properties\":{\"lifecyclestage\":\"lead\"}}");
        stack.drain();
        assertThat(api.get("/enrollments/" + WorkflowScenario.ofContact("router", "ada")).status())
                .as("no trigger: nobody enrolls alone").isEqualTo(404);

        assertThat(api.post("/workflows/router/enrollments", "{\"objectType\":\"contact\",\"id\":\"ada\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/workflows/router/enrollments", "{\"objectType\":\"contact\",\"id\":\"bob\"}").status())
                .isEqualTo(201);
        stack.drain();

        assertThat(api.get("/records/contact/ada").json().at("/properties/jobtitle").asText()).isEqualTo("Customer");
        assertThat(api.get("/records/contact/bob").json().at("/properties/jobtitle").asText()).isEqualTo("Prospect");
        assertThat(api.get("/enrollments/" + WorkflowScenario.ofContact("router", "bob") + "/history").json().get("items")
                .toString())
                .contains("BRANCH_TAKEN", "no branch matched");

        var again = api.post("/workflows/router/enrollments", "{\"objectType\":\"contact\",\"id\":\"ada\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("enrolled once");
        assertThat(api.post("/workflows/router/enrollments", "{\"objectType\":\"deal\",\"id\":\"ada\"}").status())
                .isEqualTo(400);
    }
}
