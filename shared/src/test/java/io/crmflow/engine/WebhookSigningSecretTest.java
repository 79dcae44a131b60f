package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.json.Json;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.model.SecretRef;
import io.crmflow.model.WebhookSettings;
import io.crmflow.outbound.WebhookPost;
import io.crmflow.store.memory.InMemorySecretStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 the webhook signing secret is kept in the secret store; the table holds its reference only")
class WebhookSigningSecretTest {
    private static final String FIRST = "whsec-first-0123456789abcdef0123456789";
    private static final String SECOND = "whsec-second-abcdef0123456789abcdef0123";
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private void workflowPostingForAda() {
        h.engine.records().create("acme", "contact", "c1", Map.of("email", "ada@example.com"), Origin.api(), h.now);
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "hooks", "Tell the shop", "contact", 0, true,
                EnrollmentTrigger.MANUAL, "hook", List.of(new Action.Webhook("hook", "https://hooks.example.com/crm",
                null)), null));
    }

    private WebhookPost postForAda() {
        var e = h.engine.trigger().enrollManually("acme", "hooks", new RecordRef("contact", "c1"), h.now);
        h.pump();
        return h.posts.stream().filter(p -> p.payload().enrollmentId().equals(e.id())).reduce((a, b) -> b).orElseThrow();
    }

    /** What the table adapter writes for the settings: the item's JSON. */
    private String storedItemJson() {
        return Json.write(h.store.webhookSettings("acme").orElseThrow());
    }

    @Test
    void set_keepsTheSecretInTheStore_andTheTableItemHoldsOnlyItsReference() {
        WebhookSettings saved = h.engine.definitions().putWebhookSettings("acme", FIRST, null);

        assertThat(saved.signingSecretRef()).isEqualTo(new SecretRef("tenants/acme/webhook-signing-secret", 1));
        assertThat(saved.holdsSecretInline()).isFalse();
        assertThat(h.secrets.get(saved.signingSecretRef())).contains(FIRST);
        assertThat(storedItemJson()).doesNotContain(FIRST).contains("tenants/acme/webhook-signing-secret");
    }

    @Test
    void webhook_isSignedWithTheSecretReadFromTheStoreAtSigning() {
        h.engine.definitions().putWebhookSettings("acme", FIRST, null);
        workflowPostingForAda();

        assertThat(postForAda().signingSecret()).isEqualTo(FIRST);
    }

    @Test
    void rotation_isANewVersion_andTheNextWebhookIsSignedWithTheNewSecret() {
        h.engine.definitions().putWebhookSettings("acme", FIRST, null);
        workflowPostingForAda();
        assertThat(postForAda().signingSecret()).isEqualTo(FIRST);

        WebhookSettings rotated = h.engine.definitions().putWebhookSettings("acme", SECOND, null);

        assertThat(rotated.signingSecretRef().version()).isEqualTo(2);
        assertThat(postForAdaAgain().signingSecret()).isEqualTo(SECOND);
        assertThat(storedItemJson()).doesNotContain(FIRST).doesNotContain(SECOND);
    }

    @Test
    void changingOnlyPrivateTargets_keepsTheSameReference_andWritesNoNewVersion() {
        SecretRef ref = h.engine.definitions().putWebhookSettings("acme", FIRST, null).signingSecretRef();

        WebhookSettings after = h.engine.definitions().putWebhookSettings("acme", null, true);

        assertThat(after.signingSecretRef()).isEqualTo(ref);
        assertThat(after.allowPrivateTargets()).isTrue();
        assertThat(h.secrets.get(new SecretRef(ref.name(), 2))).isEmpty();
    }

    @Test
    void secretGoneFromTheStore_theWebhookIsNotDelivered_andTheHistorySaysWhy() {
        h.engine.definitions().putWebhookSettings("acme", FIRST, null);
        workflowPostingForAda();
        // As if the parameter had been deleted: the settings name a version the store does not have.
        SecretRef missing = new SecretRef("tenants/acme/webhook-signing-secret", 9);
        h.store.commit(List.of(new io.crmflow.store.Write.PutWebhookSettings("acme", new WebhookSettings(missing, false))));

        var e = h.engine.trigger().enrollManually("acme", "hooks", new RecordRef("contact", "c1"), h.now);
        h.pump();

        assertThat(h.posts).isEmpty();
        assertThat(h.store.history("acme", e.id(), null, 50).items()).anySatisfy(line ->
                assertThat(line.detail()).contains("signing secret is missing from the secret store"));
    }

    @Test
    void itemHoldingTheSecretItself_isSignedWithIt_andTheNextSaveMovesItToTheStore() {
        var store = new InMemorySecretStore();
        WebhookSettings inline = new WebhookSettings(null, true, FIRST);
        assertThat(SigningSecrets.read(store, inline)).contains(FIRST);

        WebhookSettings moved = SigningSecrets.toSave(store, "acme", inline, null, null);

        assertThat(moved.holdsSecretInline()).isFalse();
        assertThat(moved.allowPrivateTargets()).isTrue();
        assertThat(store.get(moved.signingSecretRef())).contains(FIRST);
        assertThat(Json.write(moved)).doesNotContain(FIRST);
    }

    private WebhookPost postForAdaAgain() {
        // Manual enrollment is once per record; a second workflow posts to the same place.
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "hooks-2", "Tell the shop again", "contact", 0,
                true, EnrollmentTrigger.MANUAL, "hook", List.of(new Action.Webhook("hook",
                "https://hooks.example.com/crm", null)), null));
        var e = h.engine.trigger().enrollManually("acme", "hooks-2", new RecordRef("contact", "c1"), h.now);
        h.pump();
        return h.posts.stream().filter(p -> p.payload().enrollmentId().equals(e.id())).reduce((a, b) -> b).orElseThrow();
    }
}
