package io.crmflow.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.JourneyNodes.TextKind;
import io.crmflow.local.LocalStack;
import io.crmflow.local.RequestedText;
import io.crmflow.outbound.OutgoingText;
import io.crmflow.outbound.TextChannel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The text channel the step function is built with, on the stack's bus: each text becomes one
 * request on the text messages queue, where a deployment's provider would read it, and never an
 * event for the trigger function.
 */
@DisplayName("R-JRN-5 the step function's SMS and WhatsApp messages are requested on the bus and kept for a provider")
class TextMessagesTest {
    private final LocalStack stack = SharedStack.get();
    private final String tenant = SharedStack.uniqueTenant();
    private final TextChannel texts = stack.engine("StepFunction").ports().texts();

    @Test
    void eachTextSent_isRequestedOnce_withItsChannelNumberBodyAndKey_inTheOrderSent_underTheBusEventId() {
        var sms = new OutgoingText(tenant, TextKind.SMS, "+15550100", "Your order shipped", "step-" + tenant + "-1");
        var whatsapp = new OutgoingText(tenant, TextKind.WHATSAPP, "+447700900123", "Hi Ann, thanks for your order!",
                "step-" + tenant + "-2");

        String smsId = texts.send(sms);
        String whatsappId = texts.send(whatsapp);

        assertThat(stack.texts().requested()).filteredOn(t -> t.text().tenantId().equals(tenant))
                .containsExactly(new RequestedText(smsId, sms), new RequestedText(whatsappId, whatsapp));
        assertThat(stack.texts().requested()).as("read once, then kept")
                .filteredOn(t -> t.text().tenantId().equals(tenant)).hasSize(2);
    }

    @Test
    void aTextRequest_neverReachesTheTriggerFunction() {
        texts.send(new OutgoingText(tenant, TextKind.SMS, "+15550100", "Hello", "step-" + tenant));

        stack.drain();

        // On the trigger queue it would be an unknown detail-type, parked in this queue after two attempts.
        new DeadLetterQueue(stack, "TriggerDeadLetterQueue").assertNoneHolding(tenant);
        assertThat(stack.texts().requested()).filteredOn(t -> t.text().tenantId().equals(tenant)).hasSize(1);
    }
}
