package io.crmflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.engine.BackfillPage;
import org.junit.jupiter.api.Test;

class BackfillPageCodecTest {

    @Test
    void envelope_isReadBack() {
        BackfillPage page = new BackfillPage("acme", "welcome", 2, 7);

        assertThat(BackfillPageCodec.fromEnvelope(BackfillPageCodec.envelope(page))).contains(page);
    }

    @Test
    void fromEnvelope_ofACrmEventOrOfNoJson_isEmpty_forTheEventCodecToRead() {
        String event = "{\"detail-type\":\"crm.record.created\",\"source\":\"crmflow\",\"detail\":{}}";

        assertThat(BackfillPageCodec.fromEnvelope(event)).isEmpty();
        assertThat(BackfillPageCodec.fromEnvelope("not json")).isEmpty();
        assertThat(BackfillPageCodec.fromEnvelope("[]")).isEmpty();
    }

    @Test
    void fromEnvelope_ofAPageThatDoesNotFit_saysWhere() {
        assertThatThrownBy(() -> BackfillPageCodec.fromEnvelope("{\"detail-type\":\"crmflow.backfill.page\","
                + "\"detail\":{\"tenantId\":\"acme\",\"workflowId\":\"w\",\"run\":1,\"page\":1,\"extra\":true}}"))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.pointer()).startsWith("/detail"));
        assertThatThrownBy(() -> BackfillPageCodec.fromEnvelope("{\"detail-type\":\"crmflow.backfill.page\"}"))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.pointer()).isEqualTo("/detail"));
    }

    @Test
    void detailType_isOutsideWhatTheBusRuleTakes() {
        assertThat(BackfillPageCodec.DETAIL_TYPE).doesNotStartWith("crm.");
    }
}
