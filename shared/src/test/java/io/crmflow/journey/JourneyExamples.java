package io.crmflow.journey;

import io.crmflow.definition.CrmList;
import io.crmflow.json.Json;
import io.crmflow.model.ListKind;
import java.util.List;

/**
 * A complete journey on the contacts' lifecycle stage, as the API takes it, and the lists it
 * names: what the journey tests start from and change.
 */
public final class JourneyExamples {
    /** Three stages, a go-to to the goal, one unsuccessful end; every kind of action once. */
    public static final String NURTURE = """
            {"name": "Nurture subscribers", "property": "lifecyclestage",
             "eligibilityLists": ["newsletter"], "enrollEmpty": true,
             "stages": [
               {"id": "subscribed", "name": "Subscribed", "value": "subscriber", "actions": [
                 {"type": "send_assets", "id": "welcome",
                  "email": {"subject": "Welcome, {{firstname|there}}", "body": "Glad to have you."},
                  "sms": {"body": "Welcome aboard!"}},
                 {"type": "wait", "id": "pause", "duration": "P2D"}]},
               {"id": "lead", "name": "Lead", "value": "lead", "actions": [
                 {"type": "wait_for_activity", "id": "form", "activity": "form_submitted",
                  "attributes": {"form": "demo"}, "timeout": "P7D"},
                 {"type": "set_property", "id": "qualify", "property": "lifecyclestage",
                  "value": "marketingqualifiedlead"}]},
               {"id": "qualified", "name": "Qualified", "value": "marketingqualifiedlead", "actions": [
                 {"type": "create_task", "id": "call", "subject": "Call {{firstname}}", "dueIn": "P1D"},
                 {"type": "send_notification", "id": "tell", "recipients": {"owner": true},
                  "channels": ["in_app"], "subject": "{{firstname}} is qualified", "body": "Call them."},
                 {"type": "go_to_end", "id": "done", "endId": "customer"}]}],
             "ends": [
               {"id": "customer", "name": "Customer", "kind": "goal", "value": "customer", "addToList": "customers"},
               {"id": "lost", "name": "Lost", "kind": "unsuccessful", "value": "other"}],
             "unenrollment": {"suppressionLists": ["unsubscribed"], "whenEndMatchedEarly": true}}""";

    private JourneyExamples() {
    }

    public static JourneyDefinition nurture() {
        return Json.read(NURTURE, JourneyDefinition.class);
    }

    /** The lists {@link #NURTURE} names, plus a second list to enroll from. */
    public static List<CrmList> lists() {
        return List.of(new CrmList("newsletter", "Newsletter", "contact", ListKind.STATIC, null),
                new CrmList("webinar", "Webinar", "contact", ListKind.STATIC, null),
                new CrmList("customers", "Customers", "contact", ListKind.STATIC, null),
                new CrmList("unsubscribed", "Unsubscribed", "contact", ListKind.STATIC, null));
    }

    /** The same journey with its stages replaced. */
    public static JourneyDefinition withStages(JourneyDefinition d, List<Stage> stages) {
        return new JourneyDefinition(d.name(), d.property(), d.eligibilityLists(), d.enrollEmpty(), stages, d.ends(),
                d.unenrollment());
    }

    public static JourneyDefinition withLists(JourneyDefinition d, List<String> lists) {
        return new JourneyDefinition(d.name(), d.property(), lists, d.enrollEmpty(), d.stages(), d.ends(),
                d.unenrollment());
    }

    public static JourneyDefinition renamed(JourneyDefinition d, String name) {
        return new JourneyDefinition(name, d.property(), d.eligibilityLists(), d.enrollEmpty(), d.stages(), d.ends(),
                d.unenrollment());
    }
}
