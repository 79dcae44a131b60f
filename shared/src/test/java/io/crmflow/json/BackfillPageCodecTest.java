package io.crmflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.engine.BackfillPage;
import org.junit.jupiter.api.Test;

class BackfillPageCodecTest {

    @Test
    void envelope_isReadBack() {
        BackfillPage page = new BackfillPage("acme", "welcome", 2, 7);

        Envelope envelope = Envelope.read(BackfillPageCodec.envelope(page));

        assertThat(envelope.detailType()).isEqualTo(BackfillPageCodec.DETAIL_TYPE);
        assertThat(BackfillPageCodec.fromEnvelope(envelope)).isEqualTo(page);
    }

    @Test
    void anEnvelope_isReadOnce_andACrmEventIsToldApartByItsDetailType() {
        String event = "{\"detail-type\":\"crm.record.created\",\"source\":\"crmflow\",\"detail\":{}}";

        assertThat(Envelope.read(event).detailType()).isEqualTo("crm.record.created");
        assertThatThrownBy(() -> BackfillPageCodec.fromEnvelope(Envelope.read(event)))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.pointer()).isEqualTo("/detail-type"));
    }

    @Test
    void anEnvelopeThatIsNoJsonObject_orHasNoDetailType_isRefused() {
        assertThatThrownBy(() -> Envelope.read("not json")).isInstanceOf(JsonInputException.class);
        assertThatThrownBy(() -> Envelope.read("[]"))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.pointer()).isEqualTo("/"));
        assertThatThrownBy(() -> Envelope.read("{\"detail\":{}}"))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.pointer()).isEqualTo("/detail-type"));
    }

    @Test
    void fromEnvelope_ofAPageThatDoesNotFit_saysWhere() {
        assertThatThrownBy(() -> BackfillPageCodec.fromEnvelope(Envelope.read("{\"detail-type\":\"crmflow.backfill.page\","
                + "\"detail\":{\"tenantId\":\"acme\",\"workflowId\":\"w\",\"run\":1,\"page\":1,\"extra\":true}}")))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.pointer()).startsWith("/detail"));
        assertThatThrownBy(() -> BackfillPageCodec.fromEnvelope(Envelope.read("{\"detail-type\":\"crmflow.backfill.page\"}")))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.pointer()).isEqualTo("/detail"));
    }

    @Test
    void detailType_isOutsideWhatTheBusRuleTakes() {
        assertThat(BackfillPageCodec.DETAIL_TYPE).doesNotStartWith("crm.");
    }
}
