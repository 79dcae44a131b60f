package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.engine.HistoryEntry.Kind;
import io.crmflow.model.CrmRecord;
import io.crmflow.outbound.WebhookPayload;

/**
 * Decides the webhook action (R-WF-4): pure, like {@link StepDecider}. The step's effect is the
 * post of the enrolled record; its delivery id is the step's effect key, so every attempt of
 * every redelivery of this step carries the same one. The enrollment goes on to {@code next}
 * whether the receiver takes the post or not: a webhook reports to another system, and holding
 * the workflow on that system's health would stall every enrollment behind one broken receiver.
 * The history says which it was.
 */
final class WebhookActions {
    private WebhookActions() {
    }

    static StepDecision post(StepDraft step, Action.Webhook a, CrmRecord record) {
        String deliveryId = StepDecider.effectKey(step.e);
        var payload = new WebhookPayload(deliveryId, step.e.tenantId(), step.e.workflowId(), step.e.id(),
                new WebhookPayload.Step(a.id(), step.e.seq()),
                new WebhookPayload.EnrolledRecord(record.objectType(), record.id(), record.properties()), step.now);
        step.log(Kind.ACTION_EXECUTED, a.id(), "webhook to " + shown(a.url()));
        return step.moveTo(a.next()).withEffect(new OutsideEffect.Webhook(a.url(), payload));
    }

    /** The history line of a webhook that was not delivered. */
    static String notDelivered(OutsideEffect.Webhook hook, String refusal) {
        String why = refusal.startsWith(EffectRunner.REFUSED) ? refusal.substring(EffectRunner.REFUSED.length()) : refusal;
        return "webhook to " + shown(hook.url()) + " not delivered: " + why;
    }

    /**
     * The target as the history shows it: without the query, which may hold a receiver's token
     * that the history's readers need not see.
     */
    static String shown(String url) {
        return url == null ? "(no URL)" : url.split("[?#]", 2)[0];
    }
}
