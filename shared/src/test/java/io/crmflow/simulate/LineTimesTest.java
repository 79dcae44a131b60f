package io.crmflow.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineTimesTest {
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T09:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
            "2026-03-02T09:00:00.250Z", "2026-03-02T10:00:00+01:00", "2026-03-02T24:00:00Z"})
    void parse_readsWhatInstantParseReads_theSameInstant(String text) {
        assertThat(LineTimes.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T09:00:00Z", "2026-03-02T09:60:00Z", "2026-03-02 09:00:00Z", "tomorrow", ""})
    void parse_refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> LineTimes.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void parse_ofTheLastSecondOfAYear_isThatSecond() {
        assertThat(LineTimes.parse("2025-12-31T23:59:59Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").minusSeconds(1));
    }
}
