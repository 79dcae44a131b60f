package io.crmflow.functions.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Logs carry no email addresses or phone numbers, and keep the ids, times and addresses they need")
class RedactionTest {

    @Test
    void emailAddresses_areReplaced_whateverSurroundsThem() {
        assertThat(Redaction.redact("SES refused ada.lovelace+crm@example.co.uk: mailbox full"))
                .isEqualTo("SES refused [email]: mailbox full");
        assertThat(Redaction.redact("'grace@navy.mil' is not a valid number; to: <bob@x.io>, cc: zoë@exämple.de"))
                .isEqualTo("'[email]' is not a valid number; to: <[email]>, cc: [email]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+14155550134", "(415) 555-0134", "415-555-0134", "415.555.0134",
            "020 7946 0958", "+33 (0)1 23 45 67 89", "4155550134"})
    void phoneNumbers_areReplaced(String phone) {
        assertThat(Redaction.redact("contact c-1 (" + phone + ") could not be reached"))
                .isEqualTo("contact c-1 ([phone]) could not be reached");
        assertThat(Redaction.redact("phone=" + phone)).isEqualTo("phone=[phone]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T09:00:00Z", "due 2026-03-02 at 09:00", "enrollment notify~contact~c-1234567",
            "event evt-12345678 of T#acme#E#wf~contact~1234567", "id 123e4567-e89b-12d3-a456-426614174000",
            "the receiver answered HTTP 503 (3 attempts)", "http://127.0.0.1:8080/hooks", "resolves to 192.168.100.200",
            "page 12 of the backfill, version 3", "contact/10000001", "tenant acme_3Aeu"})
    void idsTimesAndAddresses_areKept(String text) {
        assertThat(Redaction.redact(text)).isEqualTo(text);
    }

    @Test
    void nothingToRedact_isReturnedAsItIs() {
        assertThat(Redaction.redact(null)).isNull();
        assertThat(Redaction.redact("")).isEmpty();
    }
}
