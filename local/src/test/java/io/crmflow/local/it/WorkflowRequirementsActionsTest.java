package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.engine.StepIds;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-WF-4 and R-WF-5 through the API and the real handlers: the actions, chained into a graph. */
class WorkflowRequirementsActionsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris"); // the test tenants' timezone
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    @DisplayName("R-WF-4 actions on the record: set, copy and clear property, task, record, static lists, webhook, "
            + "if/then and value-equals branches, marketing and transactional email with tokens")
    void R_WF_4_actionsOnTheRecord_branchesAndEmail() {
        var s = new WorkflowScenario();
        s.staticList("vip");
        s.allowWebhooksToThisMachine();
        s.save("records", """
                {"name": "Everything on the record", "objectType": "contact", "firstActionId": "set",
                 "actions": [
                   {"type": "set_property", "id": "set", "property": "jobtitle", "value": "Prospect", "next": "copy"},
                   {"type": "copy_property", "id": "copy", "from": "firstname", "to": "lastname", "next": "clear"},
                   {"type": "clear_property", "id": "clear", "property": "phone", "next": "task"},
                   {"type": "create_task", "id": "task", "subject": "Call {{firstname|the contact}}", "body": "Follow up",
                    "dueIn": "P2D", "next": "deal"},
                   {"type": "create_record", "id": "deal", "objectType": "deal", "label": "primary",
                    "properties": {"dealname": "Deal for {{firstname|someone}}", "amount": "1000"}, "next": "add"},
                   {"type": "add_to_list", "id": "add", "listId": "vip", "next": "added"},
                   {"type": "branch", "id": "added",
                    "paths": [{"name": "on the list", "next": "remove", "criteria": {"groups": [{"conditions": [
                      {"type": "list", "listId": "vip", "member": true}]}]}}]},
                   {"type": "remove_from_list", "id": "remove", "listId": "vip", "next": "removed"},
                   {"type": "branch", "id": "removed", "next": "done",
                    "paths": [{"name": "still on it", "criteria": {"groups": [{"conditions": [
                      {"type": "list", "listId": "vip", "member": true}]}]}}]},
                   {"type": "set_property", "id": "done", "property": "hs_timezone", "value": "Europe/Paris", "next": "hook"},
                   {"type": "webhook", "id": "hook", "url": "%s"}
                 ]}""".formatted(receiver.url()));
        // Mail apart, so the contacts that show who may get which email do not each run the whole chain.
        s.save("mail", """
                {"name": "Newsletter for leads, receipt for others", "objectType": "contact", "firstActionId": "stage",
                 "actions": [
                   {"type": "value_branch", "id": "stage", "property": "lifecyclestage", "next": "receipt",
                    "cases": [{"value": "lead", "next": "newsletter"}]},
                   {"type": "send_email", "id": "newsletter", "kind": "marketing", "subject": "News for {{firstname|friend}}",
                    "body": "Hello {{lastname}}, from {{phone|our team}}."},
                   {"type": "send_email", "id": "receipt", "kind": "transactional", "subject": "Receipt for {{firstname|friend}}",
                    "body": "Thanks{{lastname}}."}
                 ]}""");
        s.contact("ada", Map.of("firstname", "Ada", "phone", "123", "lifecyclestage", "lead", "hs_marketable_status", "true"));
        s.contact("bob", Map.of("lifecyclestage", "customer"));
        s.contact("cy", Map.of("firstname", "Cy", "lifecyclestage", "lead", "hs_marketable_status", "true",
                "hs_email_optout", "true"));
        s.contact("dan", Map.of("firstname", "Dan", "lifecyclestage", "lead"));
        s.enroll("records", "ada");
        assertThat(s.status("records", "ada")).isEqualTo("COMPLETED");
        assertThat(s.property("contact", "ada", "jobtitle")).isEqualTo("Prospect");
        assertThat(s.property("contact", "ada", "lastname")).isEqualTo("Ada");
        assertThat(s.property("contact", "ada", "phone")).isEmpty();
        assertThat(s.property("contact", "ada", "hs_timezone")).isEqualTo("Europe/Paris");
        String ada = "records~contact~ada";
        assertThat(s.property("task", StepIds.task(ada, 4), "hs_task_subject")).isEqualTo("Call Ada");
        assertThat(s.property("deal", StepIds.record(ada, 5), "dealname")).isEqualTo("Deal for Ada");
        assertThat(s.historyText("records", "ada")).contains("added to list 'vip'", "branch 'on the list' taken",
                "removed from list 'vip'", "no branch matched: took the none-matched branch");
        assertThat(receiver.posts()).singleElement().satisfies(body ->
                assertThat(body.get("enrollmentId").asText()).isEqualTo(ada));

        s.enroll("mail", "ada", "bob", "cy", "dan");
        assertThat(s.historyText("mail", "ada")).contains("lifecyclestage is 'lead': took that branch");
        // Marketing email only to a marketing contact not opted out; transactional to anyone.
        assertThat(s.sent("mail", "cy")).as("opted out").isEmpty();
        assertThat(s.sent("mail", "dan")).as("not a marketing contact").isEmpty();
        assertThat(s.historyText("mail", "cy")).contains("ACTION_SKIPPED", "marketing email not sent");
        var mail = s.mailbox("ada", "bob", "cy", "dan");
        assertThat(mail.get("ada")).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(s.sent("mail", "ada").get(0));
            assertThat(m.subject()).isEqualTo("News for Ada");
            assertThat(m.body()).isEqualTo("Hello Ada, from our team.");
        });
        assertThat(mail.get("bob")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Receipt for friend");
            assertThat(m.body()).as("an empty token without fallback leaves nothing, never the raw token")
                    .isEqualTo("Thanks.");
        });
        assertThat(mail.get("cy")).isEmpty();
        assertThat(mail.get("dan")).isEmpty();
    }

    @Test
    @DisplayName("R-WF-4 delays of every kind in the tenant's timezone, wait for an event with a timeout, go-to, "
            + "enroll in another workflow")
    void R_WF_4_delaysWaitForEventGoToAndEnrollInAnotherWorkflow() {
        var s = new WorkflowScenario();
        Instant start = s.now();
        LocalDate dateWait = start.atZone(PARIS).toLocalDate().plusDays(3);
        ZonedDateTime propertyWaitEnd = start.atZone(PARIS).plusDays(5); // created now, waits until 5 days after
        DayOfWeek dayWait = propertyWaitEnd.getDayOfWeek().plus(2);
        s.save("onboarding", "{\"name\": \"Onboarding\", \"objectType\": \"contact\", \"actions\": []}");
        s.save("chase", """
                {"name": "Chase", "objectType": "contact", "firstActionId": "pause",
                 "actions": [
                   {"type": "delay", "id": "pause", "duration": "P1D", "next": "date"},
                   {"type": "delay_until_date", "id": "date", "date": "%s", "time": "10:00", "next": "prop"},
                   {"type": "delay_until_property", "id": "prop", "property": "createdate", "offset": "P5D", "next": "day"},
                   {"type": "delay_until_day_and_time", "id": "day", "days": ["%s"], "time": "09:30", "next": "reply"},
                   {"type": "wait_for_event", "id": "reply", "event": {"type": "activity", "activity": "email_replied"},
                    "timeout": "P7D", "next": "replied", "timeoutNext": "silent"},
                   {"type": "set_property", "id": "replied", "property": "jobtitle", "value": "Replied", "next": "jump"},
                   {"type": "go_to", "id": "jump", "next": "mail"},
                   {"type": "set_property", "id": "silent", "property": "jobtitle", "value": "Silent", "next": "mail"},
                   {"type": "send_email", "id": "mail", "kind": "transactional", "subject": "Update for {{firstname|friend}}",
                    "body": "Status: {{jobtitle}}", "next": "onboard"},
                   {"type": "enroll_in_workflow", "id": "onboard", "workflowId": "onboarding"}
                 ]}""".formatted(dateWait, dayWait));
        s.contact("ada", Map.of("firstname", "Ada"));
        s.contact("bob", Map.of());
        s.enroll("chase", "ada", "bob");

        Instant[] dues = {
            start.plus(Duration.ofDays(1)),
            dateWait.atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant(),
            propertyWaitEnd.toInstant(),
            propertyWaitEnd.toLocalDate().plusDays(2).atTime(LocalTime.of(9, 30)).atZone(PARIS).toInstant()};
        for (Instant due : dues) {
            assertThat(s.status("chase", "ada")).isEqualTo("WAITING");
            assertThat(s.dueAt("chase", "ada")).isEqualTo(due);
            assertThat(s.dueAt("chase", "bob")).isEqualTo(due);
            s.advanceTo(due.minusSeconds(60));
            assertThat(s.dueAt("chase", "ada")).as("not a minute early").isEqualTo(due);
            s.advanceTo(due);
        }
        assertThat(s.status("chase", "ada")).isEqualTo("AWAITING_EVENT");
        assertThat(s.sent("chase", "ada")).isEmpty();

        s.activity("ada", "email_replied", Map.of());
        assertThat(s.status("chase", "ada")).isEqualTo("COMPLETED");
        assertThat(s.sent("chase", "ada")).hasSize(1);
        assertThat(s.historyText("chase", "ada")).contains("the awaited event happened", "went to 'mail'");
        assertThat(s.status("onboarding", "ada")).isEqualTo("COMPLETED");
        assertThat(s.historyText("onboarding", "ada")).contains("enrolled by an action of workflow 'chase'");

        assertThat(s.status("chase", "bob")).isEqualTo("AWAITING_EVENT");
        Instant timeout = dues[3].plus(Duration.ofDays(7));
        assertThat(s.dueAt("chase", "bob")).isEqualTo(timeout);
        s.advanceTo(timeout.minusSeconds(60));
        assertThat(s.status("chase", "bob")).isEqualTo("AWAITING_EVENT");
        s.advanceTo(timeout);
        assertThat(s.status("chase", "bob")).isEqualTo("COMPLETED");
        assertThat(s.historyText("chase", "bob")).contains("took the timeout path");
        assertThat(s.status("onboarding", "bob")).isEqualTo("COMPLETED");
        var mail = s.mailbox("ada", "bob");
        assertThat(mail.get("ada")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Update for Ada");
            assertThat(m.body()).isEqualTo("Status: Replied");
        });
        assertThat(mail.get("bob")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Update for friend");
            assertThat(m.body()).isEqualTo("Status: Silent");
        });
    }

    @Test
    @DisplayName("R-WF-5 actions act on associated records: the contact's company is updated, "
            + "and a created deal is associated with the contact")
    void R_WF_5_actionsOnAssociatedRecords() {
        var s = new WorkflowScenario();
        s.record("company", "acme", Map.of("industry", "software"));
        s.record("company", "shop", Map.of("industry", "retail"));
        s.contact("ada", Map.of("firstname", "Ada"));
        s.contact("bob", Map.of("firstname", "Bob"));
        assertThat(s.api.post("/records/contact/ada/associations", "{\"objectType\":\"company\",\"id\":\"acme\"}").status())
                .isEqualTo(204);
        assertThat(s.api.post("/records/contact/bob/associations", "{\"objectType\":\"company\",\"id\":\"shop\"}").status())
                .isEqualTo(204);
        s.save("upsell", """
                {"name": "Upsell software companies", "objectType": "contact", "firstActionId": "industry",
                 "actions": [
                   {"type": "branch", "id": "industry",
                    "paths": [{"name": "software", "next": "mark", "criteria": {"groups": [{"conditions": [
                      {"type": "associated", "objectType": "company", "condition":
                        {"type": "property", "property": "industry", "operator": "eq", "values": ["software"]}}]}]}}]},
                   {"type": "set_property", "id": "mark", "on": "company", "property": "description",
                    "value": "Upsell target", "next": "deal"},
                   {"type": "create_record", "id": "deal", "objectType": "deal", "label": "upsell",
                    "properties": {"dealname": "Upsell {{firstname}}", "amount": "2000"}, "next": "has-deal"},
                   {"type": "branch", "id": "has-deal",
                    "paths": [{"name": "deal associated", "next": "tag", "criteria": {"groups": [{"conditions": [
                      {"type": "associated", "objectType": "deal", "condition":
                        {"type": "property", "property": "dealname", "operator": "starts_with", "values": ["Upsell"]}}]}]}}]},
                   {"type": "set_property", "id": "tag", "property": "jobtitle", "value": "Upsell open"}
                 ]}""");
        s.enroll("upsell", "ada", "bob");

        assertThat(s.property("company", "acme", "description")).isEqualTo("Upsell target");
        assertThat(s.property("company", "shop", "description")).isEmpty();
        assertThat(s.property("deal", StepIds.record("upsell~contact~ada", 3), "dealname")).isEqualTo("Upsell Ada");
        assertThat(s.property("contact", "ada", "jobtitle")).as("the new deal is found through the contact")
                .isEqualTo("Upsell open");
        assertThat(s.historyText("upsell", "ada")).contains("branch 'software' taken", "branch 'deal associated' taken");
        assertThat(s.historyText("upsell", "bob")).contains("no branch matched");
        assertThat(s.property("contact", "bob", "jobtitle")).isEmpty();
    }
}
