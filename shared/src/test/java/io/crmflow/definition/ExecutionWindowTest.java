package io.crmflow.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-6 execution windows: days and hours in the tenant's timezone, DST-correct")
class ExecutionWindowTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ExecutionWindow OFFICE = new ExecutionWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

    @Test
    void isOpen_readsTheHoursInTheTenantsTimezone() {
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-02T08:00:00Z"), PARIS)).isTrue(); // Monday 09:00 CET
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-02T07:59:59Z"), PARIS)).isFalse();
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-02T16:00:00Z"), PARIS)).isFalse(); // 17:00 closes
        assertThat(OFFICE.isOpen(Instant.parse("2026-03-07T10:00:00Z"), PARIS)).isFalse(); // Saturday
    }

    @Test
    void nextOpening_acrossTheSpringChange_opensAtNineLocalTime() {
        Instant fridayEvening = Instant.parse("2026-03-27T18:00:00Z"); // Friday 19:00 CET
        assertThat(OFFICE.nextOpening(fridayEvening, PARIS)).isEqualTo(Instant.parse("2026-03-30T07:00:00Z")); // 09:00 CEST
    }

    @Test
    void nextOpening_acrossTheAutumnChange_opensAtNineLocalTime() {
        Instant fridayEvening = Instant.parse("2026-10-23T17:00:00Z"); // Friday 19:00 CEST
        assertThat(OFFICE.nextOpening(fridayEvening, PARIS)).isEqualTo(Instant.parse("2026-10-26T08:00:00Z")); // 09:00 CET
    }

    @Test
    void nextOpening_whenOpen_isNow_andEarlyTheSameDay_isThatMorning() {
        Instant open = Instant.parse("2026-03-03T10:00:00Z");
        assertThat(OFFICE.nextOpening(open, PARIS)).isEqualTo(open);
        assertThat(OFFICE.nextOpening(Instant.parse("2026-03-03T05:00:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }
}
