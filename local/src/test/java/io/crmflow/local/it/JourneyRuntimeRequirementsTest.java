package io.crmflow.local.it;

import static io.crmflow.local.it.Journeys.draftOf;
import static io.crmflow.local.it.Journeys.journey;
import static io.crmflow.local.it.Journeys.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.engine.JourneyWorkflows;
import io.crmflow.local.SentMail;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.Origin;
import io.crmflow.model.PropertyChange;
import io.crmflow.model.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-JRN-2, 4..8 and the runtime half of R-JRN-10 as contacts live a published journey, through
 * the real API, trigger, step and timer handlers on the local stack, with time moved by the
 * injected clock. The journey is the documented one, varied by replacing pieces of its JSON; a
 * contact is seen as a person sees it: its enrollment and log in the journey, its record, its
 * tasks, the mail and notifications sent, the journey's figures.
 */
class JourneyRuntimeRequirementsTest {
    /** Journey j1's eligibility list; variants published beside it take the webinar list instead (R-JRN-3). */
    private static final String NEWSLETTER = "\"eligibilityLists\": [\"newsletter\"]";
    private static final String WEBINAR = "\"eligibilityLists\": [\"webinar\"]";
    private static final String PAUSE = "{\"type\": \"wait\", \"id\": \"pause\", \"duration\": \"P2D\"}";
    /** The start stage's wait followed by a second email: so what the wait holds back, and when, can be seen. */
    private static final String PAUSE_THEN_REMINDER = PAUSE + ", {\"type\": \"send_assets\", \"id\": \"reminder\","
            + " \"email\": {\"subject\": \"Still there, {{firstname|there}}?\", \"body\": \"Here is what is new.\"}}";
    private static final String EARLY_END_LEAVES = "\"whenEndMatchedEarly\": true";
    private static final String EARLY_END_REACHES = "\"whenEndMatchedEarly\": false";
    private static final Map<String, String> DEMO_FORM = Map.of("form", "demo");

    /** Creates the journey as ana, who owns it, publishes it with the given answer, and lets the handlers run. */
    private static void publish(WorkflowScenario s, String journeyId, String journey, boolean enrollExisting) {
        s.api.as("ana").post("/journeys", journey).expect(201);
        s.api.post("/journeys/" + journeyId + "/publish", "{\"enrollExisting\": " + enrollExisting
                + ", \"createStageReports\": false}").expect(200);
        s.stack.drain();
    }

    /** A marketing contact whose first name is its id, capitalised; a null stage leaves the journey property empty. */
    private static void contact(WorkflowScenario s, String id, String lifecycleStage) {
        Map<String, String> properties = new HashMap<>(Map.of("firstname", name(id), "hs_marketable_status", "true"));
        if (lifecycleStage != null) {
            properties.put("lifecyclestage", lifecycleStage);
        }
        s.contact(id, properties);
    }

    /** A contact on j1's eligibility list. */
    private static void subscriber(WorkflowScenario s, String id, String lifecycleStage) {
        contact(s, id, lifecycleStage);
        s.join("newsletter", id);
    }

    private static String name(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /** The contact's enrollment in the journey and a page of its log; null when it never enrolled. */
    private static JsonNode contactIn(WorkflowScenario s, String journeyId, String contactId) {
        Api.Answer found = s.api.get("/journeys/" + journeyId + "/contacts/" + contactId + "?limit=100");
        return found.status() == 404 ? null : found.expect(200).json();
    }

    /** Where the contact is in the journey: its enrollment's status and the action it is at (in a wait, the next). */
    private static String where(WorkflowScenario s, String journeyId, String contactId) {
        JsonNode in = contactIn(s, journeyId, contactId);
        return in == null ? "NOT ENROLLED"
                : in.at("/enrollment/status").asText() + " at " + in.at("/enrollment/cursor").asText();
    }

    private static String status(WorkflowScenario s, String journeyId, String contactId) {
        JsonNode in = contactIn(s, journeyId, contactId);
        return in == null ? "NOT ENROLLED" : in.at("/enrollment/status").asText();
    }

    /** The contact's log in the journey, one "KIND action: detail" a line, newest first. */
    private static List<String> log(WorkflowScenario s, String journeyId, String contactId) {
        List<String> lines = new ArrayList<>();
        contactIn(s, journeyId, contactId).at("/log/items").forEach(line -> lines.add(line.get("kind").asText() + " "
                + line.path("actionId").asText("") + ": " + line.get("detail").asText()));
        return lines;
    }

    /** The emails the contact's journey history says were sent, by their message ids. */
    private static List<String> sent(WorkflowScenario s, String journeyId, String contactId) {
        return s.sent(JourneyWorkflows.idFor(journeyId), contactId);
    }

    /** The subjects of the tasks associated with the contact, as its record shows them. */
    private static List<String> tasks(WorkflowScenario s, String contactId) {
        List<String> subjects = new ArrayList<>();
        s.api.get("/records/contact/" + contactId + "/associations").expect(200).json().get("items").forEach(a -> {
            if (a.at("/to/objectType").asText().equals("task")) {
                subjects.add(s.property("task", a.at("/to/id").asText(), "hs_task_subject"));
            }
        });
        return subjects;
    }

    /** The static lists the contact is on, from its record's view in the table. */
    private static Set<String> lists(WorkflowScenario s, String contactId) {
        return s.stack.engine("ApiFunction").ports().records().view(s.tenant, new RecordRef("contact", contactId))
                .orElseThrow().staticLists();
    }

    private static List<String> notificationsOfAna(WorkflowScenario s) {
        List<String> subjects = new ArrayList<>();
        s.api.get("/users/ana/notifications").expect(200).json().get("items")
                .forEach(n -> subjects.add(n.get("subject").asText()));
        return subjects;
    }

    private static JsonNode metrics(WorkflowScenario s, String journeyId) {
        return s.api.get("/journeys/" + journeyId + "/metrics").expect(200).json();
    }

    /** How many contacts reached each end, as "endId (kind)=count", in the journey's order. */
    private static List<String> ends(JsonNode metrics) {
        List<String> out = new ArrayList<>();
        metrics.get("ends").forEach(e -> out.add(e.get("endId").asText() + " (" + e.get("kind").asText() + ")="
                + e.get("reached").asLong()));
        return out;
    }

    /** Where the contacts who entered a stage went from it, as "to=count", and how many entered it. */
    private static List<String> paths(JsonNode metrics, String stageId) {
        List<String> out = new ArrayList<>();
        metrics.get("stages").forEach(stage -> {
            if (stage.get("stageId").asText().equals(stageId)) {
                out.add("entered=" + stage.get("entered").asLong());
                stage.get("paths").forEach(p -> out.add(p.get("to").asText() + "=" + p.get("count").asLong()));
            }
        });
        return out;
    }

    private static List<String> subjects(List<SentMail> mail) {
        return mail.stream().map(SentMail::subject).toList();
    }

    @Test
    @DisplayName("R-JRN-2 being on an eligibility list enrolls no one by itself: a contact on one enrolls when its "
            + "property takes a stage's value (empty, into the start stage when the journey says so); one on none "
            + "never does; one removed from the lists stays enrolled, unless the journey says it leaves")
    void R_JRN_2_eligibleContactsEnrollOnAStageValue_andLeaveTheListsAsTheJourneySays() {
        var s = scenario();
        publish(s, "j1", journey("j1"), false);
        publish(s, "j2", journey("j2", NEWSLETTER, WEBINAR, "\"enrollEmpty\": true", "\"enrollEmpty\": false",
                "\"whenRemovedFromEligibilityLists\": false", "\"whenRemovedFromEligibilityLists\": true"), false);

        contact(s, "ada", "salesqualifiedlead"); // a value no stage or end of the journey has
        s.join("newsletter", "ada");
        assertThat(where(s, "j1", "ada")).as("eligible, at no stage's value").isEqualTo("NOT ENROLLED");
        s.stage("ada", "lead");
        assertThat(where(s, "j1", "ada")).isEqualTo("AWAITING_EVENT at form");
        assertThat(log(s, "j1", "ada")).anyMatch(line -> line.contains("entered stage 'lead': lifecyclestage is 'lead'"));

        contact(s, "bob", null);
        assertThat(where(s, "j1", "bob")).as("empty, but on no list").isEqualTo("NOT ENROLLED");
        s.join("newsletter", "bob");
        assertThat(where(s, "j1", "bob")).as("empty: the start stage").isEqualTo("WAITING at ~stay:subscribed");
        assertThat(log(s, "j1", "bob")).anyMatch(line -> line.contains("entered stage 'subscribed'"));

        contact(s, "cy", "lead");
        s.join("customers", "cy"); // a list, but not an eligibility list
        for (String value : List.of("marketingqualifiedlead", "subscriber", "opportunity")) {
            s.stage("cy", value);
        }
        assertThat(where(s, "j1", "cy")).isEqualTo("NOT ENROLLED");
        assertThat(where(s, "j2", "cy")).isEqualTo("NOT ENROLLED");

        s.leave("newsletter", "ada");
        assertThat(where(s, "j1", "ada")).as("removed from the lists, still enrolled").isEqualTo("AWAITING_EVENT at form");
        s.activity("ada", "form_submitted", DEMO_FORM);
        assertThat(s.property("contact", "ada", "lifecyclestage")).as("its flow goes on to the goal end")
                .isEqualTo("customer");
        assertThat(status(s, "j1", "ada")).isEqualTo("COMPLETED");

        contact(s, "eve", null);
        s.join("webinar", "eve");
        assertThat(where(s, "j2", "eve")).as("empty, in a journey that does not enroll those").isEqualTo("NOT ENROLLED");
        contact(s, "dan", "lead");
        s.join("webinar", "dan");
        assertThat(where(s, "j2", "dan")).isEqualTo("AWAITING_EVENT at form");
        s.leave("webinar", "dan");
        assertThat(status(s, "j2", "dan")).as("this journey lets contacts off its lists go").isEqualTo("UNENROLLED");
        s.activity("dan", "form_submitted", DEMO_FORM);
        assertThat(s.property("contact", "dan", "lifecyclestage")).isEqualTo("lead");
        assertThat(metrics(s, "j1").get("enrolled").asLong()).isEqualTo(2);
        assertThat(metrics(s, "j2").get("unenrolled").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-JRN-4 a contact whose property takes a stage's value enters that stage's flow, its first action "
            + "run at once; a wait it was in, in its former stage, is dropped")
    void R_JRN_4_takingAStagesValue_entersItsFlow_andDropsTheFormerStagesWait() {
        var s = scenario();
        publish(s, "j1", journey("j1", PAUSE, PAUSE_THEN_REMINDER), false);
        for (String id : List.of("ada", "bob", "cy")) {
            subscriber(s, id, null);
            assertThat(where(s, "j1", id)).isEqualTo("WAITING at reminder");
            assertThat(sent(s, "j1", id)).as("the welcome email").hasSize(1);
        }

        s.stage("ada", "lead");
        assertThat(where(s, "j1", "ada")).as("the lead stage's first action: wait for the form")
                .isEqualTo("AWAITING_EVENT at form");
        assertThat(log(s, "j1", "ada").subList(0, 3)).satisfiesExactly(
                line -> assertThat(line).startsWith("WAIT_STARTED form: waiting for the event until"),
                line -> assertThat(line).endsWith("entered stage 'lead': lifecyclestage is 'lead'"),
                line -> assertThat(line).endsWith("leaves stage 'subscribed' for where the new value leads"));

        s.stage("bob", "marketingqualifiedlead");
        assertThat(tasks(s, "bob")).as("the qualified stage's first action").containsExactly("Call Bob");
        assertThat(notificationsOfAna(s)).containsExactly("Bob is qualified");
        assertThat(status(s, "j1", "bob")).as("its flow runs on to the goal end").isEqualTo("COMPLETED");

        s.advance(Duration.ofDays(3));
        assertThat(sent(s, "j1", "cy")).as("the wait, kept in its stage, lets the reminder go").hasSize(2);
        assertThat(where(s, "j1", "cy")).isEqualTo("AWAITING_EVENT at ~stay:subscribed");
        assertThat(sent(s, "j1", "ada")).as("nothing more from the stage ada left").hasSize(1);
        assertThat(log(s, "j1", "ada")).noneMatch(line -> line.startsWith("WAIT_ENDED") || line.contains("reminder"));
        assertThat(where(s, "j1", "ada")).isEqualTo("AWAITING_EVENT at form");
        assertThat(sent(s, "j1", "bob")).hasSize(1);
        assertThat(tasks(s, "ada")).isEmpty();
    }

    @Test
    @DisplayName("R-JRN-5 a stage's actions run: assets sent (the email through the mail service, to marketing "
            + "contacts), wait, wait for an activity (on at once when it comes, at the timeout otherwise), task, "
            + "property, notification, go to an end, go back to an earlier stage")
    void R_JRN_5_eachKindOfStageActionRuns() {
        var s = scenario();
        publish(s, "j1", journey("j1", PAUSE, PAUSE_THEN_REMINDER,
                "{\"type\": \"set_property\", \"id\": \"qualify\"",
                "{\"type\": \"set_property\", \"id\": \"title\", \"property\": \"jobtitle\", \"value\": \"Prospect\"},"
                        + " {\"type\": \"set_property\", \"id\": \"qualify\""), false);
        Instant start = s.now();
        subscriber(s, "ada", null);
        s.contact("nemo", Map.of("firstname", "Nemo", "hs_marketable_status", "false"));
        s.join("newsletter", "nemo");
        for (String id : List.of("dan", "eve")) {
            subscriber(s, id, "lead");
        }
        subscriber(s, "fay", "opportunity");
        assertThat(sent(s, "j1", "ada")).hasSize(1);
        assertThat(sent(s, "j1", "nemo")).isEmpty();
        assertThat(log(s, "j1", "nemo")).anyMatch(line -> line.startsWith("ACTION_SKIPPED welcome: marketing email not sent"));

        s.activity("dan", "form_submitted", DEMO_FORM);
        assertThat(s.property("contact", "dan", "jobtitle")).as("the form came: on at once").isEqualTo("Prospect");
        assertThat(tasks(s, "dan")).containsExactly("Call Dan");
        assertThat(notificationsOfAna(s)).containsExactly("Dan is qualified");
        assertThat(s.property("contact", "dan", "lifecyclestage")).as("gone to the goal end").isEqualTo("customer");
        assertThat(status(s, "j1", "dan")).isEqualTo("COMPLETED");
        assertThat(lists(s, "dan")).contains("customers");
        assertThat(log(s, "j1", "dan")).anyMatch(line -> line.contains("reached the goal end 'customer'"));
        s.activity("eve", "form_submitted", Map.of("form", "newsletter"));
        assertThat(where(s, "j1", "eve")).as("not the form awaited").isEqualTo("AWAITING_EVENT at form");

        s.advanceTo(start.plus(Duration.ofDays(2)).minusSeconds(60));
        assertThat(where(s, "j1", "ada")).isEqualTo("WAITING at reminder");
        assertThat(sent(s, "j1", "ada")).as("nothing before the wait is over").hasSize(1);
        s.advanceTo(start.plus(Duration.ofDays(2)));
        assertThat(sent(s, "j1", "ada")).as("the reminder, after the wait").hasSize(2);
        assertThat(where(s, "j1", "ada")).isEqualTo("AWAITING_EVENT at ~stay:subscribed");

        s.advanceTo(start.plus(Duration.ofDays(7)).minusSeconds(60));
        assertThat(where(s, "j1", "eve")).isEqualTo("AWAITING_EVENT at form");
        s.advanceTo(start.plus(Duration.ofDays(7)));
        assertThat(s.property("contact", "eve", "jobtitle")).as("on at the timeout").isEqualTo("Prospect");
        assertThat(tasks(s, "eve")).containsExactly("Call Eve");
        assertThat(status(s, "j1", "eve")).isEqualTo("COMPLETED");

        s.advanceTo(start.plus(Duration.ofDays(14)).minusSeconds(60));
        assertThat(where(s, "j1", "fay")).isEqualTo("WAITING at again");
        s.advanceTo(start.plus(Duration.ofDays(14)));
        assertThat(log(s, "j1", "fay")).anyMatch(line -> line.startsWith("ACTION_EXECUTED again: went back to stage "
                + "'qualified': lifecyclestage set to 'marketingqualifiedlead'"));
        assertThat(tasks(s, "fay")).as("the earlier stage's flow, run again").containsExactly("Call Fay");
        assertThat(s.property("contact", "fay", "lifecyclestage")).isEqualTo("customer");
        assertThat(paths(metrics(s, "j1"), "opportunity")).contains("entered=1", "stage:qualified=1");
        assertThat(notificationsOfAna(s)).containsExactlyInAnyOrder("Dan is qualified", "Eve is qualified",
                "Fay is qualified");

        Map<String, List<SentMail>> mail = s.mailbox("ada", "nemo", "ana");
        assertThat(subjects(mail.get("ada"))).containsExactly("Welcome, Ada", "Still there, Ada?");
        assertThat(mail.get("nemo")).as("not a marketing contact").isEmpty();
        assertThat(subjects(mail.get("ana"))).containsExactlyInAnyOrder("Dan is qualified", "Eve is qualified",
                "Fay is qualified");
    }

    @Test
    @DisplayName("R-JRN-6 a contact reaches the goal end or an unsuccessful one when its property takes that end's "
            + "value: the goal's list gets it, an end with no list adds it to none")
    void R_JRN_6_endsReachedByTheirValue_andTheGoalsListAdded() {
        var s = scenario();
        publish(s, "j1", journey("j1", EARLY_END_LEAVES, EARLY_END_REACHES), false);
        for (String id : List.of("ada", "bob", "cy")) {
            subscriber(s, id, "lead");
        }

        s.stage("ada", "customer");
        s.stage("bob", "other");
        s.stage("cy", "salesqualifiedlead");

        assertThat(status(s, "j1", "ada")).isEqualTo("COMPLETED");
        assertThat(log(s, "j1", "ada")).anyMatch(line -> line.contains("reached the goal end 'customer'; added to list "
                + "'customers'"));
        assertThat(lists(s, "ada")).containsExactlyInAnyOrder("newsletter", "customers");
        assertThat(status(s, "j1", "bob")).isEqualTo("COMPLETED");
        assertThat(log(s, "j1", "bob")).anyMatch(line -> line.endsWith("reached the unsuccessful end 'lost'"));
        assertThat(lists(s, "bob")).containsExactly("newsletter");
        assertThat(where(s, "j1", "cy")).as("a value of no stage or end: its stage's flow goes on where it was")
                .isEqualTo("AWAITING_EVENT at form");
        assertThat(lists(s, "cy")).containsExactly("newsletter");

        JsonNode m = metrics(s, "j1");
        assertThat(ends(m)).containsExactly("customer (goal)=1", "lost (unsuccessful)=1");
        assertThat(paths(m, "lead")).contains("entered=3", "end:customer=1", "end:lost=1");
        assertThat(m.at("/performance/successful").asLong()).isEqualTo(1);
        assertThat(m.at("/performance/unsuccessful").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-JRN-7 a contact leaves when it joins a suppression list, or when its property matches an end "
            + "before a flow leads there (the end's list skipped); with that option off, it reaches the end")
    void R_JRN_7_suppressionAndEndsMatchedEarly_atRuntime() {
        var s = scenario();
        publish(s, "j1", journey("j1"), false);
        publish(s, "j2", journey("j2", NEWSLETTER, WEBINAR, EARLY_END_LEAVES, EARLY_END_REACHES), false);

        subscriber(s, "ada", "lead");
        s.join("unsubscribed", "ada");
        assertThat(status(s, "j1", "ada")).isEqualTo("UNENROLLED");
        assertThat(log(s, "j1", "ada").get(0)).contains("suppression list 'unsubscribed'");
        s.activity("ada", "form_submitted", DEMO_FORM);
        assertThat(tasks(s, "ada")).as("its flow went with it").isEmpty();
        assertThat(s.property("contact", "ada", "lifecyclestage")).isEqualTo("lead");

        contact(s, "bob", "lead");
        s.join("unsubscribed", "bob");
        s.join("newsletter", "bob");
        assertThat(where(s, "j1", "bob")).as("suppressed: never enters").isEqualTo("NOT ENROLLED");

        subscriber(s, "cy", "lead");
        s.stage("cy", "customer");
        assertThat(status(s, "j1", "cy")).isEqualTo("UNENROLLED");
        assertThat(log(s, "j1", "cy").get(0)).contains("took the value 'customer' of end 'customer' before a flow led"
                + " there: left the journey");
        assertThat(lists(s, "cy")).as("the end's list skipped").doesNotContain("customers");

        contact(s, "dan", "lead");
        s.join("webinar", "dan");
        s.stage("dan", "customer");
        assertThat(status(s, "j2", "dan")).isEqualTo("COMPLETED");
        assertThat(lists(s, "dan")).contains("customers");

        JsonNode early = metrics(s, "j1");
        assertThat(early.get("unenrolled").asLong()).isEqualTo(2);
        assertThat(ends(early)).containsExactly("customer (goal)=0", "lost (unsuccessful)=0");
        assertThat(ends(metrics(s, "j2"))).containsExactly("customer (goal)=1", "lost (unsuccessful)=0");
    }

    @Test
    @DisplayName("R-JRN-8 a contact enrolls once, ever: not again after completing or leaving, and once for an event "
            + "delivered twice at once and again later")
    void R_JRN_8_eachContactEnrollsOnceEver() throws Exception {
        var s = scenario();
        contact(s, "cy", "lead");
        s.join("webinar", "cy"); // before j2 is published: only the event delivered below can enroll cy
        publish(s, "j1", journey("j1"), false);
        publish(s, "j2", journey("j2", NEWSLETTER, WEBINAR), false);
        assertThat(where(s, "j2", "cy")).isEqualTo("NOT ENROLLED");

        subscriber(s, "ada", null);
        s.stage("ada", "customer"); // the goal end's value, matched early: leaves
        assertThat(status(s, "j1", "ada")).isEqualTo("UNENROLLED");
        subscriber(s, "bob", "lead");
        s.stage("bob", "marketingqualifiedlead"); // its flow goes on to the goal end
        assertThat(status(s, "j1", "bob")).isEqualTo("COMPLETED");
        List<String> adaLog = log(s, "j1", "ada");
        List<String> bobLog = log(s, "j1", "bob");

        for (String value : List.of("lead", "subscriber", "marketingqualifiedlead")) {
            s.stage("ada", value);
            s.stage("bob", value);
        }
        assertThat(log(s, "j1", "ada")).isEqualTo(adaLog);
        assertThat(log(s, "j1", "bob")).isEqualTo(bobLog);
        assertThat(tasks(s, "bob")).containsExactly("Call Bob");
        assertThat(s.api.items("/journeys/j1/enrollments")).hasSize(2);
        assertThat(metrics(s, "j1").get("enrolled").asLong()).isEqualTo(2);

        var change = new CrmEvent.PropertiesChanged("twice-" + s.tenant, s.tenant, new RecordRef("contact", "cy"),
                s.now(), Origin.api(), List.of(new PropertyChange("lifecyclestage", "subscriber", "lead")));
        if (SharedStack.embedded()) {
            s.raceTriggerHandlers(i -> change);
        } else {
            s.deliver(change); // the endpoint's conditional writes are not atomic under concurrent requests
        }
        assertThat(where(s, "j2", "cy")).isEqualTo("AWAITING_EVENT at form");
        JsonNode once = contactIn(s, "j2", "cy");
        s.deliver(change);
        assertThat(contactIn(s, "j2", "cy")).as("delivered again: nothing moves").isEqualTo(once);
        assertThat(s.api.items("/journeys/j2/enrollments")).hasSize(1);
        JsonNode m = metrics(s, "j2");
        assertThat(m.get("enrolled").asLong()).isEqualTo(1);
        assertThat(paths(m, "lead")).containsExactly("entered=1", "here=1");
    }

    @Test
    @DisplayName("R-JRN-10 publishing enrolls the eligible contacts that match now only when asked (otherwise none "
            + "until their property changes); a draft saved changes nothing for contacts until it is published")
    void R_JRN_10_publishingEnrollsExistingWhenAsked_andADraftChangesNothingUntilPublished() {
        var s = scenario();
        subscriber(s, "ada", "lead");
        subscriber(s, "bob", null);
        contact(s, "cy", "lead");
        subscriber(s, "dan", "salesqualifiedlead");
        for (String id : List.of("eve", "fay")) {
            contact(s, id, id.equals("eve") ? "lead" : null);
            s.join("webinar", id);
        }

        publish(s, "j1", journey("j1"), true);
        assertThat(where(s, "j1", "ada")).isEqualTo("AWAITING_EVENT at form");
        assertThat(where(s, "j1", "bob")).as("empty: the start stage").isEqualTo("WAITING at ~stay:subscribed");
        assertThat(where(s, "j1", "cy")).as("on no eligibility list").isEqualTo("NOT ENROLLED");
        assertThat(where(s, "j1", "dan")).as("at no stage's value").isEqualTo("NOT ENROLLED");
        JsonNode backfill = s.api.get("/workflows/" + JourneyWorkflows.idFor("j1") + "/activation").expect(200).json();
        assertThat(backfill.get("state").asText()).isEqualTo("done");
        assertThat(backfill.get("enrolled").asLong()).isEqualTo(2);
        assertThat(metrics(s, "j1").get("enrolled").asLong()).isEqualTo(2);

        publish(s, "j2", journey("j2", NEWSLETTER, WEBINAR), false);
        assertThat(where(s, "j2", "eve")).isEqualTo("NOT ENROLLED");
        assertThat(where(s, "j2", "fay")).isEqualTo("NOT ENROLLED");
        s.stage("fay", "lead");
        assertThat(where(s, "j2", "fay")).as("enrolled once its property changed").isEqualTo("AWAITING_EVENT at form");
        assertThat(where(s, "j2", "eve")).isEqualTo("NOT ENROLLED");

        JsonNode live = s.api.get("/journeys/j1").expect(200).json();
        s.api.put("/journeys/j1/draft", draftOf(live, "\"subject\":\"Call {{firstname}}\"",
                "\"subject\":\"Ring {{firstname}}\"")).expect(200);
        s.activity("ada", "form_submitted", DEMO_FORM);
        assertThat(tasks(s, "ada")).as("the published flow").containsExactly("Call Ada");

        s.api.post("/journeys/j1/publish", "{\"enrollExisting\": false, \"createStageReports\": false}").expect(200);
        s.stack.drain();
        s.stage("bob", "marketingqualifiedlead");
        assertThat(tasks(s, "bob")).as("the flow published since").containsExactly("Ring Bob");
    }
}
