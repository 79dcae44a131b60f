package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.ExecutionWindow;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import io.crmflow.model.WebhookSettings;
import io.crmflow.outbound.WebhookPayload;
import io.crmflow.outbound.WebhookPost;
import io.crmflow.outbound.WebhookResult;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 webhook action: one signed post per step, its outcome in the history, and the enrollment goes on")
class WebhookActionTest {
    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";
    private static final String URL = "https://hooks.example.com/crm?token=abc";
    private static final RecordRef ADA = new RecordRef("contact", "c1");
    private final EngineHarness h = new EngineHarness().withTenant("acme");

    private void adaAndSecret() {
        h.engine.records().create("acme", "contact", "c1", Map.of("email", "ada@example.com", "firstname", "Ada"),
                Origin.api(), h.now);
        h.engine.definitions().putWebhookSettings("acme", SECRET, null);
    }

    private WorkflowDefinition save(String url, ExecutionWindow window) {
        return h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "hooks", "Tell the shop", "contact", 0,
                true, EnrollmentTrigger.MANUAL, "hook", List.of(new Action.Webhook("hook", url, "tag"),
                new Action.SetProperty("tag", "jobtitle", "Told", null)), window));
    }

    private Enrollment enrollAda() {
        Enrollment e = h.engine.trigger().enrollManually("acme", "hooks", ADA, h.now);
        h.pump();
        return h.store.enrollment("acme", e.id()).orElseThrow();
    }

    private List<HistoryEntry> history(Enrollment e) {
        return h.store.history("acme", e.id(), null, 50).items();
    }

    @Test
    void webhook_postsTheRecordAndTheStep_withTheTenantsSecret_andTheHistorySaysDelivered() {
        adaAndSecret();
        save(URL, null);

        Enrollment done = enrollAda();

        WebhookPost post = h.posts.get(0);
        assertThat(h.posts).hasSize(1);
        assertThat(post.url()).isEqualTo(URL);
        assertThat(post.signingSecret()).isEqualTo(SECRET);
        assertThat(post.allowPrivateTargets()).isFalse();
        WebhookPayload payload = post.payload();
        assertThat(payload.deliveryId()).isEqualTo(done.id() + "#1");
        assertThat(payload.tenantId()).isEqualTo("acme");
        assertThat(payload.workflowId()).isEqualTo("hooks");
        assertThat(payload.enrollmentId()).isEqualTo(done.id());
        assertThat(payload.step()).isEqualTo(new WebhookPayload.Step("hook", 1));
        assertThat(payload.record().objectType()).isEqualTo("contact");
        assertThat(payload.record().id()).isEqualTo("c1");
        assertThat(payload.record().properties()).containsEntry("firstname", "Ada").containsEntry("email", "ada@example.com");
        assertThat(payload.occurredAt()).isEqualTo(h.now);
        assertThat(done.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(history(done)).filteredOn(e -> "hook".equals(e.actionId())).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Kind.ACTION_EXECUTED);
            assertThat(line.detail()).isEqualTo("webhook to https://hooks.example.com/crm (delivered: HTTP 200, 1 attempt)");
        });
    }

    @Test
    void webhookNotDelivered_isRecordedWithWhy_andTheEnrollmentGoesOnToNext() {
        adaAndSecret();
        save(URL, null);
        h.webhookAnswer = post -> new WebhookResult.NotDelivered("the receiver answered HTTP 404; not retried (1 attempt)", 1);

        Enrollment done = enrollAda();

        assertThat(done.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.engine.records().get("acme", ADA).property("jobtitle")).as("the next action ran").contains("Told");
        assertThat(history(done)).filteredOn(e -> "hook".equals(e.actionId())).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(Kind.ACTION_SKIPPED);
            assertThat(line.detail()).isEqualTo("webhook to https://hooks.example.com/crm not delivered: "
                    + "the receiver answered HTTP 404; not retried (1 attempt)");
        });
        assertThat(h.failures).isEmpty();
    }

    @Test
    void stepFailingBetweenThePostAndItsCommit_isRunAgainWithoutPostingTwice() {
        adaAndSecret();
        save(URL, null);
        h.webhookAnswer = post -> {
            // While the receiver answers, the enrollment changes under the step: its commit fails.
            Enrollment now = h.store.enrollment("acme", post.payload().enrollmentId()).orElseThrow();
            h.store.commit(List.of(new Write.PutEnrollment(now.heldUntil(now.dueAt(), h.now), now.version())));
            return new WebhookResult.Delivered(202, 1);
        };
        Enrollment first = h.engine.trigger().enrollManually("acme", "hooks", ADA, h.now);
        h.pump();
        assertThat(h.failures).singleElement().isInstanceOf(ConflictException.class);
        Enrollment stuck = h.store.enrollment("acme", first.id()).orElseThrow();
        assertThat(stuck.cursor()).isEqualTo("hook");

        h.webhookAnswer = post -> new WebhookResult.Delivered(200, 1);
        assertThat(h.engine.step().run(stuck.stepMessage(), h.now)).isEqualTo(StepOutcome.EXECUTED);
        h.pump();

        assertThat(h.posts).as("the redelivered step finds the post made").hasSize(1);
        Enrollment done = h.store.enrollment("acme", first.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(history(done)).filteredOn(e -> "hook".equals(e.actionId())).singleElement()
                .satisfies(line -> assertThat(line.detail()).endsWith("(delivered: HTTP 202, 1 attempt)"));
    }

    @Test
    void webhookDueOutsideTheExecutionWindow_waitsForTheOpening() {
        adaAndSecret();
        // Monday 10:00 in Paris; the window opens on Tuesdays only.
        save(URL, new ExecutionWindow(Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)));

        Enrollment waiting = enrollAda();

        assertThat(h.posts).isEmpty();
        assertThat(waiting.status()).isEqualTo(EnrollmentStatus.WAITING);
        assertThat(waiting.dueAt()).isEqualTo(java.time.ZonedDateTime.of(2026, 3, 3, 9, 0, 0, 0,
                ZoneId.of("Europe/Paris")).toInstant());
        h.advance(Duration.ofDays(1));
        assertThat(h.posts).hasSize(1);
    }

    @Test
    void tenantSettingsAtTheTimeOfThePost_decideWhetherPrivateTargetsAreAllowed() {
        adaAndSecret();
        h.engine.definitions().putWebhookSettings("acme", null, true);
        save("http://10.0.0.7/hook", null);
        h.engine.definitions().putWebhookSettings("acme", null, false);

        enrollAda();

        assertThat(h.posts).singleElement().satisfies(p -> assertThat(p.allowPrivateTargets()).isFalse());
        WebhookSettings kept = h.engine.definitions().webhookSettings("acme");
        assertThat(h.secrets.get(kept.signingSecretRef())).as("a null secret keeps it").contains(SECRET);
    }

    @Test
    void save_webhookWithoutASigningSecret_isRefusedAtTheAction() {
        h.engine.records().create("acme", "contact", "c1", Map.of(), Origin.api(), h.now);

        assertThatThrownBy(() -> save(URL, null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/actions/0");
                    assertThat(p.message()).contains("signing secret", "PATCH /settings/webhooks");
                }));
    }

    @Test
    void save_httpOrPrivateTarget_isRefusedUnlessTheTenantAllowsPrivateTargets() {
        adaAndSecret();
        for (String url : List.of("http://hooks.example.com/crm", "https://10.1.2.3/crm", "https://[fd00::1]/crm",
                "https://localhost:8443/crm", "/relative/path", "ftp://hooks.example.com/")) {
            assertThatThrownBy(() -> save(url, null)).as(url).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> assertThat(p.pointer()).isEqualTo("/actions/0/url")));
        }
        h.engine.definitions().putWebhookSettings("acme", null, true);
        assertThat(save("http://127.0.0.1:8080/crm", null).actions()).hasSize(2);
    }

    @Test
    void webhookSettings_aShortSecretIsRefused_andReadsNeverShowTheSecret() {
        assertThatThrownBy(() -> h.engine.definitions().putWebhookSettings("acme", "too-short", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.pointer()).isEqualTo("/signingSecret")));
        assertThat(h.engine.definitions().webhookSettings("acme")).isEqualTo(WebhookSettings.NONE);

        WebhookSettings set = h.engine.definitions().putWebhookSettings("acme", SECRET, true);

        assertThat(set.summary()).isEqualTo(new WebhookSettings.Summary(true, true));
        assertThat(set.toString()).doesNotContain(SECRET);
        assertThat(io.crmflow.json.Json.write(set.summary())).doesNotContain(SECRET);
    }
}
