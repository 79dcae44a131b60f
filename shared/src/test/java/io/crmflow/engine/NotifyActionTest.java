package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.Action;
import io.crmflow.definition.Action.NotifyChannel;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.json.Json;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Notification;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyDefinition;
import io.crmflow.model.PropertyType;
import io.crmflow.model.RecordRef;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import io.crmflow.outbound.OutgoingEmail;
import io.crmflow.store.ConflictException;
import io.crmflow.store.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 internal notification: by email and in the app, to users, teams or the record's owner")
class NotifyActionTest {
    private static final Set<NotifyChannel> BOTH = Set.of(NotifyChannel.EMAIL, NotifyChannel.IN_APP);
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    private final PeopleService people = new PeopleService(h.engine.ports());

    NotifyActionTest() {
        for (String id : List.of("ana", "bob", "cy")) {
            people.putUser("acme", new User(id, id + "@acme.test", id.toUpperCase()));
        }
        people.putTeam("acme", new Team("sales", "Sales", List.of("bob", "cy")));
    }

    private static Action.Notify notify(Action.Recipients to, Set<NotifyChannel> channels, String next) {
        return new Action.Notify("tell", to, channels, "New customer: {{firstname|someone}} {{lastname}}",
                "{{firstname|Someone}} at {{email}} became a customer.", next);
    }

    private static Action.Recipients users(String... ids) {
        return new Action.Recipients(List.of(ids), null, false);
    }

    private static Action.Recipients owner() {
        return new Action.Recipients(null, null, true);
    }

    /** Saves a manual workflow of these actions, enrolls the contact and runs it to the end. */
    private Enrollment run(String contactId, Map<String, String> props, Action... actions) {
        Map<String, String> all = new HashMap<>(props);
        all.putIfAbsent("email", contactId + "@customer.test");
        h.engine.records().create("acme", "contact", contactId, all, Origin.api(), h.now);
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "w-" + contactId, null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, actions[0].id(), List.of(actions)));
        Enrollment e = h.engine.trigger().enrollManually("acme", "w-" + contactId, new RecordRef("contact", contactId),
                h.now);
        h.pump();
        assertThat(h.failures).isEmpty();
        return h.store.enrollment("acme", e.id()).orElseThrow();
    }

    private List<Notification> inApp(String userId) {
        return h.store.notifications("acme", userId, null, 100).items();
    }

    /** Oldest first, as they were written. */
    private List<HistoryEntry> history(Enrollment e) {
        List<HistoryEntry> lines = new ArrayList<>(h.store.history("acme", e.id(), null, 100).items());
        java.util.Collections.reverse(lines);
        return lines;
    }

    @Test
    void usersByEmailAndInApp_oneEmailToAll_oneItemEach_tokensRendered_andTheWorkflowGoesOn() {
        Enrollment e = run("c1", Map.of("firstname", "Ada"), notify(users("ana", "bob"), BOTH, "tag"),
                new Action.SetProperty("tag", "jobtitle", "Told", null));

        assertThat(h.sent).singleElement().satisfies(mail -> {
            assertThat(mail.recipients()).containsExactly("ana@acme.test", "bob@acme.test");
            assertThat(mail.subject()).isEqualTo("New customer: Ada ");
            assertThat(mail.textBody()).isEqualTo("Ada at c1@customer.test became a customer.");
            assertThat(mail.from()).as("internal mail leaves from the deployment's sender").isNull();
        });
        assertThat(inApp("ana")).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(StepIds.notification(e.id(), 1, "ana"));
            assertThat(n.subject()).isEqualTo("New customer: Ada ");
            assertThat(n.body()).isEqualTo("Ada at c1@customer.test became a customer.");
            assertThat(n.record()).isEqualTo(new RecordRef("contact", "c1"));
            assertThat(n.workflowId()).isEqualTo("w-c1");
            assertThat(n.enrollmentId()).isEqualTo(e.id());
            assertThat(n.actionId()).isEqualTo("tell");
            assertThat(n.at()).isEqualTo(h.now);
        });
        assertThat(inApp("bob")).hasSize(1);
        assertThat(inApp("cy")).as("not named").isEmpty();
        assertThat(e.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(history(e)).extracting(HistoryEntry::kind).startsWith(Kind.ENROLLED);
        assertThat(history(e).subList(1, history(e).size())).extracting(HistoryEntry::kind, HistoryEntry::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.ACTION_EXECUTED, "in-app notification left for ana, bob"),
                org.assertj.core.groups.Tuple.tuple(Kind.ACTION_EXECUTED,
                        "notification emailed to ana@acme.test, bob@acme.test (message id msg-1)"),
                org.assertj.core.groups.Tuple.tuple(Kind.ACTION_EXECUTED, "set jobtitle to 'Told'"),
                org.assertj.core.groups.Tuple.tuple(Kind.COMPLETED, "all actions done"));
    }

    @Test
    void team_inAppOnly_reachesEveryMember_andSendsNoEmail() {
        Enrollment e = run("c1", Map.of(), notify(new Action.Recipients(null, List.of("sales"), false),
                Set.of(NotifyChannel.IN_APP), null));

        assertThat(inApp("bob")).hasSize(1);
        assertThat(inApp("cy")).hasSize(1);
        assertThat(inApp("ana")).isEmpty();
        assertThat(h.sent).isEmpty();
        assertThat(inApp("bob").get(0).subject()).as("an empty token takes its fallback")
                .isEqualTo("New customer: someone ");
        assertThat(inApp("bob").get(0).body()).isEqualTo("Someone at c1@customer.test became a customer.");
        assertThat(e.status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void owner_emailOnly_reachesTheUserInTheOwnerProperty_andNamedTwiceIsToldOnce() {
        run("c1", Map.of("hubspot_owner_id", "cy", "firstname", "Ada", "lastname", "Lovelace"),
                notify(new Action.Recipients(List.of("cy", "ana"), List.of("sales"), true), Set.of(NotifyChannel.EMAIL),
                        null));

        assertThat(h.sent).singleElement().satisfies(mail -> {
            assertThat(mail.recipients()).containsExactly("cy@acme.test", "ana@acme.test", "bob@acme.test");
            assertThat(mail.subject()).isEqualTo("New customer: Ada Lovelace");
        });
        assertThat(inApp("cy")).as("email only").isEmpty();
    }

    @Test
    void ownerOnADeal_isReadFromTheDealsOwnerProperty() {
        h.engine.records().create("acme", "deal", "d1", Map.of("dealname", "Big one", "hubspot_owner_id", "ana"),
                Origin.api(), h.now);
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "deals", null, "deal", 0, true,
                EnrollmentTrigger.MANUAL, "tell", List.of(new Action.Notify("tell", owner(), BOTH,
                "{{dealname}} needs you", "Have a look.", null))));
        h.engine.trigger().enrollManually("acme", "deals", new RecordRef("deal", "d1"), h.now);
        h.pump();

        assertThat(h.sent).singleElement().satisfies(mail -> assertThat(mail.recipients()).containsExactly("ana@acme.test"));
        assertThat(inApp("ana")).singleElement().satisfies(n -> assertThat(n.subject()).isEqualTo("Big one needs you"));
    }

    @Test
    void missingOwner_isAHistoryLine_notAFailure_andTheEnrollmentGoesOn() {
        Enrollment none = run("c1", Map.of(), notify(owner(), BOTH, "tag"),
                new Action.SetProperty("tag", "jobtitle", "Told", null));
        Enrollment stranger = run("c2", Map.of("hubspot_owner_id", "ghost"), notify(owner(), BOTH, "tag"),
                new Action.SetProperty("tag", "jobtitle", "Told", null));
        Enrollment partly = run("c3", Map.of("hubspot_owner_id", "not a user id!"),
                notify(new Action.Recipients(List.of("ana"), null, true), Set.of(NotifyChannel.IN_APP), null));

        assertThat(h.sent).isEmpty();
        assertThat(none.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(stranger.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(h.store.record("acme", new RecordRef("contact", "c2")).orElseThrow().property("jobtitle"))
                .contains("Told");
        assertThat(history(none)).filteredOn(l -> "tell".equals(l.actionId())).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(Kind.ACTION_SKIPPED);
            assertThat(l.detail()).isEqualTo("nobody to notify: the record's owner was not notified: the record has no"
                    + " owner (hubspot_owner_id is empty)");
        });
        assertThat(history(stranger)).filteredOn(l -> "tell".equals(l.actionId())).singleElement()
                .satisfies(l -> assertThat(l.detail()).contains("the record's owner 'ghost' was not notified: there is no"
                        + " such user"));
        assertThat(history(partly)).filteredOn(l -> "tell".equals(l.actionId()))
                .extracting(HistoryEntry::kind, HistoryEntry::detail).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.ACTION_SKIPPED,
                                "the record's owner 'not a user id!' was not notified: there is no such user"),
                        org.assertj.core.groups.Tuple.tuple(Kind.ACTION_EXECUTED, "in-app notification left for ana"));
        assertThat(inApp("ana")).hasSize(1);
        assertThat(h.failures).isEmpty();
    }

    @Test
    @DisplayName("R-RUN-5 a step redelivered, or retried after dying between the email and the commit, notifies once")
    void redeliveredOrRetriedStep_sendsOneEmail_andWritesEachNotificationOnce() {
        h.engine.records().create("acme", "contact", "c1", Map.of("email", "c1@customer.test"), Origin.api(), h.now);
        h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "w", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "tell", List.of(notify(users("ana", "bob"), BOTH, null))));
        Enrollment e = h.engine.trigger().enrollManually("acme", "w", new RecordRef("contact", "c1"), h.now);
        StepMessage step = h.steps.poll();

        h.crashBeforeCommits = 1;
        assertThatThrownBy(() -> h.engine.step().run(step, h.now)).hasMessageContaining("crashed");
        assertThat(h.sent).hasSize(1);
        assertThat(inApp("ana")).as("nothing of the crashed attempt was committed").isEmpty();

        h.now = h.now.plusSeconds(30);
        assertThat(h.engine.step().run(step, h.now)).isEqualTo(StepOutcome.EXECUTED);
        assertThat(h.engine.step().run(step, h.now)).isEqualTo(StepOutcome.STALE);
        h.pump();

        assertThat(h.sent).as("the retry found the email sent").hasSize(1);
        assertThat(inApp("ana")).hasSize(1);
        assertThat(inApp("bob")).hasSize(1);
        assertThat(h.store.enrollment("acme", e.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    void theSameStepDecidedTwice_namesTheSameItems_soASecondCommitOfThemConflicts() {
        h.engine.records().create("acme", "contact", "c1", Map.of("email", "c1@customer.test"), Origin.api(), h.now);
        var wf = new WorkflowDefinition("acme", "w", null, "contact", 1, true, EnrollmentTrigger.MANUAL, "tell",
                List.of(notify(users("ana", "bob"), Set.of(NotifyChannel.IN_APP), null)));
        Enrollment e = new Enrollment("acme", "w~contact~c1", "w", 1, new RecordRef("contact", "c1"),
                EnrollmentStatus.ACTIVE, "tell", 3, h.now, h.now, h.now, 1, 1);
        var decider = new StepDecider(Duration.ofMinutes(5));
        var record = h.store.record("acme", new RecordRef("contact", "c1")).orElseThrow();
        ObjectType contact = io.crmflow.model.StandardObjectTypes.byName("contact").orElseThrow();
        People known = People.of(h.store, "acme");

        List<Write> first = notifications(decider.decide(e, wf, record, contact, h.now,
                StepInputs.alone(record, contact, h.now).withPeople(known)));
        List<Write> again = notifications(decider.decide(e, wf, record, contact, h.now.plusSeconds(90),
                StepInputs.alone(record, contact, h.now).withPeople(known)));

        assertThat(first).hasSize(2);
        assertThat(again).extracting(w -> ((Write.PutNotification) w).notification().id())
                .containsExactlyElementsOf(first.stream().map(w -> ((Write.PutNotification) w).notification().id()).toList());
        h.store.commit(first);
        assertThatThrownBy(() -> h.store.commit(again)).isInstanceOf(ConflictException.class);
        assertThat(inApp("ana")).hasSize(1);
    }

    private static List<Write> notifications(StepDecision d) {
        return d.writes().stream().filter(w -> w instanceof Write.PutNotification).toList();
    }

    @Test
    void aTeamLargerThanOneMessageTakes_reachesTheFirstFifty_andSaysHowManyWereLeftOut() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = String.format("m%02d", i);
            people.putUser("acme", new User(id, id + "@acme.test", null));
            members.add(id);
        }
        people.putTeam("acme", new Team("everyone", null, members));

        Enrollment e = run("c1", Map.of(), notify(new Action.Recipients(null, List.of("everyone"), false), BOTH, null));

        assertThat(h.sent).singleElement().satisfies(mail -> assertThat(mail.recipients()).hasSize(OutgoingEmail.MAX_RECIPIENTS));
        assertThat(inApp("m49")).hasSize(1);
        assertThat(inApp("m50")).isEmpty();
        assertThat(history(e)).extracting(HistoryEntry::detail)
                .contains("10 more people were not notified: a notification reaches at most 50");
        assertThat(e.status()).isEqualTo(EnrollmentStatus.COMPLETED);
    }

    @Test
    @DisplayName("R-FLT-3 a notification is checked when saved: recipients that exist, a channel, a subject, an owner property")
    void saving_refusesUnknownUsersAndTeams_noRecipient_noChannel_andOwnerOfATypeWithoutOne() {
        h.engine.definitions().putObjectType("acme", ObjectType.custom("car",
                List.of(PropertyDefinition.of("plate", PropertyType.STRING))));
        var unknown = new Action.Notify("tell", new Action.Recipients(List.of("ana", "ghost"), List.of("sales", "nope"),
                false), BOTH, "Hi", "Body", "nobody");
        var empty = new Action.Notify("nobody", null, null, " ", null, null);

        assertThatThrownBy(() -> h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "w", null, "contact",
                0, true, EnrollmentTrigger.MANUAL, "tell", List.of(unknown, empty))))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
                        .extracting(InputProblem::pointer).containsExactly(
                                "/actions/0/recipients/users/1", "/actions/0/recipients/teams/1",
                                "/actions/1/recipients", "/actions/1/channels", "/actions/1/subject", "/actions/1/body"));
        assertThatThrownBy(() -> h.engine.definitions().saveWorkflow(new WorkflowDefinition("acme", "cars", null, "car",
                0, true, EnrollmentTrigger.MANUAL, "tell", List.of(new Action.Notify("tell", owner(), BOTH, "s", "b",
                        null)))))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.pointer()).isEqualTo("/actions/0/recipients/owner");
                            assertThat(p.message()).contains("hubspot_owner_id");
                        }));
        assertThat(WorkflowValidator.validate(new WorkflowDefinition("acme", "w", null, "contact", 0, true,
                EnrollmentTrigger.MANUAL, "tell", List.of(notify(users("ana"), BOTH, null))),
                new TenantSchemas(h.store, "acme")))
                .as("validated without the tenant's people, a named user is unknown")
                .extracting(InputProblem::pointer).containsExactly("/actions/0/recipients/users/0");
    }

    @Test
    void theActionReadsAndWritesAsJson() {
        String json = """
                {"type": "notify", "id": "tell", "recipients": {"users": ["ana"], "teams": ["sales"], "owner": true},
                 "channels": ["email", "in_app"], "subject": "s", "body": "b", "next": "x"}""";

        Action read = Json.read(json, Action.class);

        assertThat(read).isEqualTo(new Action.Notify("tell", new Action.Recipients(List.of("ana"), List.of("sales"), true),
                BOTH, "s", "b", "x"));
        assertThat(Json.read(Json.write(read), Action.class)).isEqualTo(read);
        assertThat(((Action.Notify) Json.read("{\"type\": \"notify\", \"id\": \"t\", \"recipients\": {\"users\": [\"ana\"]}}",
                Action.class)).recipients()).as("what is left out is no one")
                .isEqualTo(new Action.Recipients(List.of("ana"), List.of(), false));
        assertThatThrownBy(() -> Json.read(json.replace("in_app", "sms"), Action.class))
                .isInstanceOfSatisfying(io.crmflow.json.JsonInputException.class, e -> {
                    assertThat(e.pointer()).startsWith("/channels");
                    assertThat(e.getMessage()).contains("'sms'");
                });
    }
}
