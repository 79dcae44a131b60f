package io.crmflow.journey;

import io.crmflow.definition.Action;
import io.crmflow.model.ActivityType;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One action of a stage's flow (R-JRN-5). A flow is a sequence: each action runs after the one
 * before it; a go-to ends the flow, so it comes last. Action ids are unique across the journey,
 * so an enrollment's place is one id wherever it is.
 */
public sealed interface StageAction
        permits StageAction.SendAssets, StageAction.Wait, StageAction.WaitForActivity, StageAction.CreateTask,
                StageAction.SetProperty, StageAction.SendNotification, StageAction.GoToEnd, StageAction.GoToStage {

    String id();

    /** Whether the flow ends with this action: nothing after it would ever run. */
    default boolean endsFlow() {
        return false;
    }

    /**
     * Sends the contact a marketing email, an SMS and a WhatsApp message — any of them, together
     * or apart; at least one.
     *
     * @param email    null for none
     * @param sms      null for none
     * @param whatsapp null for none
     */
    record SendAssets(String id, MarketingEmail email, TextMessage sms, TextMessage whatsapp) implements StageAction {
    }

    /**
     * A marketing email: it goes only to contacts that may receive marketing. Subject and body take
     * personalisation tokens as a workflow's email does ({@code {{firstname|there}}}).
     *
     * @param from where replies go; null for the deployment's sender
     */
    record MarketingEmail(String from, String subject, String body) {
    }

    /** The text of an SMS or a WhatsApp message, with personalisation tokens. */
    record TextMessage(String body) {
    }

    /** Waits a fixed duration before the next action. */
    record Wait(String id, Duration duration) implements StageAction {
    }

    /**
     * Waits until the contact does an activity of R-OBJ-6 (submits a form, views a page, replies to
     * an email …), with each of {@code attributes} equal when given, at most {@code timeout}; either
     * way the flow then goes on with the next action.
     */
    record WaitForActivity(String id, ActivityType activity, Map<String, String> attributes, Duration timeout)
            implements StageAction {
        public WaitForActivity {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }
    }

    /**
     * Creates a task associated with the contact.
     *
     * @param dueIn how long after creation the task is due; null for no due time
     */
    record CreateTask(String id, String subject, String body, Duration dueIn) implements StageAction {
    }

    /** Sets a property of the contact (the journey's own property too); an empty value clears it. */
    record SetProperty(String id, String property, String value) implements StageAction {
    }

    /**
     * Tells people who work in the CRM about the contact, in the app or by email: users, teams or the
     * contact's owner, as a workflow's notification does ({@link Action.Notify}).
     */
    record SendNotification(String id, Action.Recipients recipients, Set<Action.NotifyChannel> channels,
                            String subject, String body) implements StageAction {
        public SendNotification {
            recipients = recipients == null ? new Action.Recipients(null, null, false) : recipients;
            channels = channels == null ? Set.of() : Set.copyOf(channels);
        }

        /** The same notification as a workflow action, to share its checks and, later, its delivery. */
        public Action.Notify asWorkflowAction() {
            return new Action.Notify(id, recipients, channels, subject, body, null);
        }
    }

    /** Takes the contact to one of the journey's ends, the goal or an unsuccessful one. */
    record GoToEnd(String id, String endId) implements StageAction {
        @Override
        public boolean endsFlow() {
            return true;
        }
    }

    /** Takes the contact back to an earlier stage, whose flow it runs again. */
    record GoToStage(String id, String stageId) implements StageAction {
        @Override
        public boolean endsFlow() {
            return true;
        }
    }
}
