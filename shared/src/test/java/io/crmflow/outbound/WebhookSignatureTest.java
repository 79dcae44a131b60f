package io.crmflow.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 webhook signature: HMAC-SHA256 over the time and the body")
class WebhookSignatureTest {
    private static final String SECRET = "whsec-0123456789abcdef0123456789abcdef";

    @Test
    void header_isTheTimeAndTheHexHmacOfTimeDotBody() {
        // Reference value: printf '%s' '1767225600.{"a":1}' | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(WebhookSignature.header(SECRET, 1767225600L, "{\"a\":1}"))
                .isEqualTo("t=1767225600,v1=" + "aaa1d369aa717baa5cbf475cc540dbf0474b5c3133dbc23a70ebde185bc1a800");
    }

    @Test
    void verify_acceptsTheHeader_andRefusesAnotherBodyTimeOrSecret() {
        String body = "{\"deliveryId\":\"wf~contact~c1#1\"}";
        String header = WebhookSignature.header(SECRET, 1767225600L, body);

        assertThat(WebhookSignature.verify(SECRET, header, body)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, body + " ")).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1767225600", "t=1767225601"), body)).isFalse();
        assertThat(WebhookSignature.verify(SECRET.replace('0', '1'), header, body)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", body)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, body)).isFalse();
    }
}
