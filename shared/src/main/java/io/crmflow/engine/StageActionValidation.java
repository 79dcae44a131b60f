package io.crmflow.engine;

import io.crmflow.journey.StageAction;
import io.crmflow.model.EmailAddress;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ObjectType;
import java.time.Duration;
import java.util.List;

/**
 * Checks one action of a journey stage on its own (R-JRN-5); where a go-to leads is the
 * journey's to check ({@link JourneyValidator}). A notification is checked as a workflow's is.
 * Stateless.
 */
final class StageActionValidation {
    private static final Duration LONGEST_WAIT = Duration.ofDays(366);
    /** Longer texts are split into more messages than carriers join back together. */
    static final int MAX_SMS = 1_600;
    /** WhatsApp's limit on one message's text. */
    static final int MAX_WHATSAPP = 4_096;

    private StageActionValidation() {
    }

    static void check(StageAction action, String at, ObjectType contact, People people, List<InputProblem> problems) {
        if (action instanceof StageAction.SendAssets send) {
            sendAssets(send, at, problems);
        } else if (action instanceof StageAction.Wait wait) {
            duration(wait.duration(), at + "/duration", "a wait", problems);
        } else if (action instanceof StageAction.WaitForActivity wait) {
            if (wait.activity() == null) {
                problems.add(new InputProblem(at + "/activity", "choose the activity to wait for (e.g. \"form_submitted\")"));
            }
            duration(wait.timeout(), at + "/timeout", "the wait for an activity", problems);
        } else if (action instanceof StageAction.CreateTask task) {
            text(task.subject(), at + "/subject", "a task needs a subject", problems);
            if (task.dueIn() != null && task.dueIn().isNegative()) {
                problems.add(new InputProblem(at + "/dueIn", "a task cannot be due before it is created"));
            }
        } else if (action instanceof StageAction.SetProperty set) {
            setProperty(set, at, contact, problems);
        } else if (action instanceof StageAction.SendNotification notify) {
            NotifyValidation.check(notify.asWorkflowAction(), at, contact, people, problems);
        }
    }

    private static void sendAssets(StageAction.SendAssets send, String at, List<InputProblem> problems) {
        if (send.email() == null && send.sms() == null && send.whatsapp() == null) {
            problems.add(new InputProblem(at, "send at least one asset: \"email\", \"sms\" or \"whatsapp\""));
        }
        if (send.email() != null) {
            var email = send.email();
            if (email.from() != null && !email.from().isBlank() && !EmailAddress.isValid(email.from())) {
                problems.add(new InputProblem(at + "/email/from", "'" + email.from() + "' is not an email address"));
            }
            text(email.subject(), at + "/email/subject", "an email needs a subject", problems);
            text(email.body(), at + "/email/body", "an email needs a body", problems);
        }
        message(send.sms(), at + "/sms/body", "an SMS", MAX_SMS, problems);
        message(send.whatsapp(), at + "/whatsapp/body", "a WhatsApp message", MAX_WHATSAPP, problems);
    }

    private static void message(StageAction.TextMessage message, String at, String what, int max,
                                List<InputProblem> problems) {
        if (message == null) {
            return;
        }
        if (message.body() == null || message.body().isBlank()) {
            problems.add(new InputProblem(at, what + " needs a body"));
        } else if (message.body().length() > max) {
            problems.add(new InputProblem(at, what + " may hold at most " + max + " characters (got "
                    + message.body().length() + ")"));
        }
    }

    private static void setProperty(StageAction.SetProperty set, String at, ObjectType contact,
                                    List<InputProblem> problems) {
        var property = set.property() == null ? java.util.Optional.<io.crmflow.model.PropertyDefinition>empty()
                : contact.property(set.property());
        if (property.isEmpty()) {
            problems.add(new InputProblem(at + "/property", set.property() == null ? "name the property to set"
                    : "property '" + set.property() + "' does not exist on contact"));
        } else {
            property.get().problemWith(set.value()).ifPresent(p -> problems.add(new InputProblem(at + "/value", p)));
        }
    }

    private static void duration(Duration d, String at, String what, List<InputProblem> problems) {
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(new InputProblem(at, what + " must last longer than zero (e.g. \"P2D\")"));
        } else if (d.compareTo(LONGEST_WAIT) > 0) {
            problems.add(new InputProblem(at, what + " may last at most 366 days"));
        }
    }

    private static void text(String value, String at, String message, List<InputProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InputProblem(at, message));
        }
    }
}
