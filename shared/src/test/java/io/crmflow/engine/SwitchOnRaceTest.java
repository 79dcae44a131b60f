package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.store.DefinitionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-9 switching a workflow on or off never overwrites an edit saved since it was read")
class SwitchOnRaceTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private WorkflowDefinition save(boolean enabled, Action... actions) {
        return h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "wf", null, "contact", 0, enabled,
                EnrollmentTrigger.MANUAL, "a", List.of(actions)));
    }

    @Test
    void switchingOn_overAnEditSavedMeanwhile_isRefused_andTheEditIsKept() {
        save(false, new Action.SetProperty("a", "jobtitle", "a", null));
        DefinitionService racing = racingWith(() -> save(false, new Action.SetProperty("a", "jobtitle", "a", "b"),
                new Action.SetProperty("b", "jobtitle", "b", null)));

        assertThatThrownBy(() -> racing.setWorkflowEnabled("acme", "wf", true))
                .isInstanceOf(ConcurrentChangeException.class);
        WorkflowDefinition stored = h.store.workflow("acme", "wf").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.actions()).extracting(Action::id).containsExactly("a", "b");
        assertThat(stored.removedActions()).as("the action added meanwhile is not taken for deleted").isEmpty();
        assertThat(stored.enabled()).isFalse();
    }

    @Test
    void switchingOff_overAnEditSavedMeanwhile_isRefused_too() {
        save(true, new Action.SetProperty("a", "jobtitle", "a", null));
        DefinitionService racing = racingWith(() -> save(true, new Action.SetProperty("a", "jobtitle", "a", "b"),
                new Action.SetProperty("b", "jobtitle", "b", null)));

        assertThatThrownBy(() -> racing.setWorkflowEnabled("acme", "wf", false))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(h.store.workflow("acme", "wf").orElseThrow().actions()).extracting(Action::id)
                .containsExactly("a", "b");
    }

    /** A definition service whose first read of a workflow is followed at once by {@code otherEdit}. */
    private DefinitionService racingWith(Runnable otherEdit) {
        DefinitionStore real = h.engine.ports().definitions();
        boolean[] raced = {false};
        DefinitionStore interleaved = (DefinitionStore) Proxy.newProxyInstance(DefinitionStore.class.getClassLoader(),
                new Class<?>[] {DefinitionStore.class}, (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("workflow") && !raced[0]) {
                        raced[0] = true;
                        otherEdit.run();
                    }
                    return answer;
                });
        var p = h.engine.ports();
        Ports ports = new Ports(p.records(), interleaved, p.enrollments(), p.effects(), p.outbox(), p.writer(), p.bus(),
                p.steps(), p.mailer(), p.ids(), p.webhooks(), p.backfills(), p.people(), p.journeys(), p.texts(),
                p.secrets(), p.idempotency());
        return new DefinitionService(ports, EngineSettings.DEFAULTS, h.engine.clock());
    }
}
