package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.WorkflowTemplate;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-1 a workflow is created from scratch or from a template")
class WorkflowTemplatesTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    @Test
    void everyTemplate_savesAsAValidWorkflow_switchedOffForReview() {
        assertThat(WorkflowTemplates.all()).extracting(WorkflowTemplate::id)
                .containsExactly("welcome-new-contacts", "nurture-leads", "deal-won-follow-up");
        for (WorkflowTemplate t : WorkflowTemplates.all()) {
            var wf = h.engine.definitions().createFromTemplate("acme", t.id(), null, null);
            assertThat(wf.id()).isEqualTo(t.id());
            assertThat(wf.name()).isEqualTo(t.name());
            assertThat(wf.enabled()).isFalse();
            assertThat(t.description()).isNotBlank();
        }
    }

    @Test
    void aWorkflowFromATemplate_runsOnceSwitchedOn() {
        h.engine.definitions().createFromTemplate("acme", "welcome-new-contacts", "welcome", "Say hello");
        h.engine.definitions().setWorkflowEnabled("acme", "welcome", true);
        h.engine.records().create("acme", "contact", "ada", Map.of("email", "ada@example.com", "firstname", "Ada"),
                Origin.api(), h.now);
        h.pump();

        assertThat(h.store.workflow("acme", "welcome").orElseThrow().name()).isEqualTo("Say hello");
        assertThat(h.sent).singleElement().satisfies(mail -> assertThat(mail.subject()).isEqualTo("Welcome, Ada"));
        assertThat(h.store.enrollmentOf("acme", "welcome", new RecordRef("contact", "ada"))).isPresent();
    }

    @Test
    void anUnknownTemplate_orATakenId_isRefusedClearly() {
        assertThatThrownBy(() -> h.engine.definitions().createFromTemplate("acme", "nope", null, null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("welcome-new-contacts");
        h.engine.definitions().createFromTemplate("acme", "nurture-leads", null, null);
        assertThatThrownBy(() -> h.engine.definitions().createFromTemplate("acme", "nurture-leads", null, null))
                .isInstanceOf(AlreadyExistsException.class);
    }
}
