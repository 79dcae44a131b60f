package io.crmflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.JourneyNodes.TextKind;
import io.crmflow.outbound.OutgoingText;
import org.junit.jupiter.api.Test;

class TextRequestCodecTest {
    private static String envelope(String detail) {
        return "{\"detail-type\":\"text.requested\",\"source\":\"crmflow\",\"detail\":" + detail + "}";
    }

    @Test
    void detail_namesTheChannelInLowerCase_andIsReadBackFromTheEnvelopeTheBusDelivers() {
        OutgoingText text = new OutgoingText("acme", TextKind.WHATSAPP, "+15550100", "Hi Ann", "step-1");

        String detail = TextRequestCodec.detail(text);

        assertThat(Json.tree(detail)).isEqualTo(Json.tree("""
                {"tenantId":"acme","channel":"whatsapp","to":"+15550100","body":"Hi Ann","idempotencyKey":"step-1"}"""));
        assertThat(TextRequestCodec.fromEnvelope(Envelope.read(envelope(detail)))).isEqualTo(text);
    }

    @Test
    void theDetailType_isOutsideWhatTheTriggerQueueRuleTakes() {
        assertThat(TextRequestCodec.DETAIL_TYPE).isEqualTo("text.requested").doesNotStartWith("crm.");
    }

    @Test
    void fromEnvelope_ofAnotherEvent_orAnUnknownChannel_saysWhere() {
        assertThatThrownBy(() -> TextRequestCodec.fromEnvelope(Envelope.read(
                "{\"detail-type\":\"crm.record.created\",\"detail\":{}}")))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.pointer()).isEqualTo("/detail-type"));
        assertThatThrownBy(() -> TextRequestCodec.fromEnvelope(Envelope.read(envelope(
                "{\"tenantId\":\"acme\",\"channel\":\"fax\",\"to\":\"1\",\"body\":\"x\",\"idempotencyKey\":\"k\"}"))))
                .isInstanceOfSatisfying(JsonInputException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/detail/channel"));
        assertThatThrownBy(() -> TextRequestCodec.fromEnvelope(Envelope.read(envelope("\"sms\""))))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.pointer()).isEqualTo("/detail"));
    }
}
