package io.crmflow.outbound;

import io.crmflow.definition.JourneyNodes;

/**
 * One SMS or WhatsApp message to a contact's phone.
 *
 * @param idempotencyKey the same for every attempt at one step, so a provider that keeps keys sends it once
 */
public record OutgoingText(String tenantId, JourneyNodes.TextKind channel, String to, String body,
                           String idempotencyKey) {
}
