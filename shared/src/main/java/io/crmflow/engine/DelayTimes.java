package io.crmflow.engine;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Wall-clock arithmetic for delays, in the tenant's timezone. {@link ZonedDateTime#of} settles
 * daylight-saving edges the way a person expects: a time that does not exist on a spring-forward
 * day moves forward by the gap, and a time that happens twice in the autumn is its first instant.
 */
final class DelayTimes {
    private DelayTimes() {
    }

    /**
     * {@code at} moved by {@code offset} on the wall clock: whole days as calendar days in the
     * zone (so "7 days before 09:00" is 09:00 across a DST change), the rest as elapsed time.
     */
    static Instant shift(Instant at, java.time.Duration offset, ZoneId zone) {
        if (offset == null || offset.isZero()) {
            return at;
        }
        long days = offset.toDays();
        return at.atZone(zone).plusDays(days).toInstant().plus(offset.minusDays(days));
    }

    /** The first moment after {@code now} that falls on one of {@code days} (any day when empty) at {@code time}. */
    static Instant nextDayAndTime(Instant now, Set<DayOfWeek> days, LocalTime time, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int ahead = 0; ahead <= 7; ahead++) {
            LocalDate day = today.plusDays(ahead);
            Instant candidate = ZonedDateTime.of(day, time, zone).toInstant();
            if ((days.isEmpty() || days.contains(day.getDayOfWeek())) && candidate.isAfter(now)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no day of the week matched " + days);
    }
}
