package io.crmflow.definition;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The days and hours when a workflow's actions may run (R-WF-6), read in the tenant's timezone.
 * An action due outside it waits for the next opening. Immutable.
 *
 * @param days  the days actions may run; empty means every day
 * @param from  when the window opens each of those days
 * @param until when it closes (exclusive); after {@code from}
 */
public record ExecutionWindow(Set<DayOfWeek> days, LocalTime from, LocalTime until) {
    public ExecutionWindow {
        days = days == null ? Set.of() : Set.copyOf(days);
    }

    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return opensOn(local.toLocalDate()) && !time.isBefore(from) && time.isBefore(until);
    }

    /**
     * The next moment at or after {@code at} when the window is open. A window opening at a time
     * the spring-forward night skips opens when the clocks have moved on.
     */
    public Instant nextOpening(Instant at, ZoneId zone) {
        if (isOpen(at, zone)) {
            return at;
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int ahead = 0; ahead <= 7; ahead++) {
            LocalDate candidate = day.plusDays(ahead);
            Instant opening = ZonedDateTime.of(candidate, from, zone).toInstant();
            if (opensOn(candidate) && opening.isAfter(at)) {
                return opening;
            }
        }
        throw new IllegalStateException("the window never opens: days " + days);
    }

    private boolean opensOn(LocalDate date) {
        return days.isEmpty() || days.contains(date.getDayOfWeek());
    }
}
