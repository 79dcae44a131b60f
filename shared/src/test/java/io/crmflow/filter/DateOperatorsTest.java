package io.crmflow.filter;

import static io.crmflow.filter.Operator.AFTER;
import static io.crmflow.filter.Operator.ANY_OF;
import static io.crmflow.filter.Operator.BEFORE;
import static io.crmflow.filter.Operator.BETWEEN;
import static io.crmflow.filter.Operator.CHANGED_FROM;
import static io.crmflow.filter.Operator.CHANGED_TO;
import static io.crmflow.filter.Operator.EQ;
import static io.crmflow.filter.Operator.GT;
import static io.crmflow.filter.Operator.GTE;
import static io.crmflow.filter.Operator.IS_KNOWN;
import static io.crmflow.filter.Operator.IS_UNKNOWN;
import static io.crmflow.filter.Operator.LT;
import static io.crmflow.filter.Operator.LTE;
import static io.crmflow.filter.Operator.NEQ;
import static io.crmflow.filter.Operator.NONE_OF;
import static io.crmflow.filter.Operator.WITHIN_LAST_DAYS;
import static io.crmflow.filter.OperatorRow.change;
import static io.crmflow.filter.OperatorRow.row;
import static io.crmflow.model.PropertyType.DATE;
import static io.crmflow.model.PropertyType.DATETIME;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The clock of every row is 2026-03-10T15:00:00Z in UTC. */
@DisplayName("R-FLT-2 operators on date and datetime properties")
class DateOperatorsTest {
    private static final String DAY = "2026-03-08";
    private static final String MOMENT = "2026-03-09T12:00:00Z";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static List<OperatorRow> rows() {
        return List.of(
                row(DATE, DAY, EQ, true, "2026-03-08"),
                row(DATE, DAY, EQ, false, "2026-03-09"),
                row(DATE, DAY, NEQ, true, "2026-03-09"),
                row(DATE, DAY, NEQ, false, "2026-03-08"),
                row(DATE, DAY, ANY_OF, true, "2026-01-01", "2026-03-08"),
                row(DATE, DAY, ANY_OF, false, "2026-01-01"),
                row(DATE, DAY, NONE_OF, true, "2026-01-01"),
                row(DATE, DAY, NONE_OF, false, "2026-03-08"),
                row(DATE, DAY, GT, true, "2026-03-07"),
                row(DATE, DAY, GT, false, "2026-03-08"),
                row(DATE, DAY, GTE, true, "2026-03-08"),
                row(DATE, DAY, GTE, false, "2026-03-09"),
                row(DATE, DAY, LT, true, "2026-03-09"),
                row(DATE, DAY, LT, false, "2026-03-08"),
                row(DATE, DAY, LTE, true, "2026-03-08"),
                row(DATE, DAY, LTE, false, "2026-03-07"),
                row(DATE, DAY, BETWEEN, true, "2026-03-01", "2026-03-08"),
                row(DATE, DAY, BETWEEN, false, "2026-03-09", "2026-03-31"),
                row(DATE, DAY, BEFORE, true, "2026-03-09"),
                row(DATE, DAY, BEFORE, false, "2026-03-08"),
                row(DATE, DAY, AFTER, true, "2026-03-07"),
                row(DATE, DAY, AFTER, false, "2026-03-08"),
                row(DATE, DAY, WITHIN_LAST_DAYS, true, "2"),
                row(DATE, DAY, WITHIN_LAST_DAYS, false, "1"),
                row(DATE, DAY, IS_KNOWN, true),
                row(DATE, null, IS_KNOWN, false),
                row(DATE, null, IS_UNKNOWN, true),
                row(DATE, DAY, IS_UNKNOWN, false),
                change(DATE, null, DAY, CHANGED_TO, true, "2026-03-08"),
                change(DATE, null, DAY, CHANGED_TO, false, "2026-03-09"),
                change(DATE, "2026-03-01", DAY, CHANGED_FROM, true, "2026-03-01"),
                change(DATE, "2026-03-01", DAY, CHANGED_FROM, false, "2026-03-08"),
                row(DATETIME, MOMENT, EQ, true, "2026-03-09T13:00:00+01:00"),
                row(DATETIME, MOMENT, EQ, false, "2026-03-09T12:00:01Z"),
                row(DATETIME, MOMENT, NEQ, true, "2026-03-09T12:00:01Z"),
                row(DATETIME, MOMENT, NEQ, false, "1773057600000"),
                row(DATETIME, MOMENT, ANY_OF, true, "2026-01-01T00:00:00Z", "2026-03-09T12:00:00.000Z"),
                row(DATETIME, MOMENT, ANY_OF, false, "2026-01-01T00:00:00Z"),
                row(DATETIME, MOMENT, NONE_OF, true, "2026-01-01T00:00:00Z"),
                row(DATETIME, MOMENT, NONE_OF, false, "2026-03-09T07:00:00-05:00"),
                row(DATETIME, MOMENT, GT, true, "2026-03-09T11:59:59Z"),
                row(DATETIME, MOMENT, GT, false, MOMENT),
                row(DATETIME, MOMENT, GTE, true, MOMENT),
                row(DATETIME, MOMENT, GTE, false, "2026-03-09T12:00:01Z"),
                row(DATETIME, MOMENT, LT, true, "2026-03-09T12:00:01Z"),
                row(DATETIME, MOMENT, LT, false, MOMENT),
                row(DATETIME, MOMENT, LTE, true, MOMENT),
                row(DATETIME, MOMENT, LTE, false, "2026-03-09T11:59:59Z"),
                row(DATETIME, MOMENT, BETWEEN, true, "2026-03-09T00:00:00Z", MOMENT),
                row(DATETIME, MOMENT, BETWEEN, false, "2026-03-09T12:00:01Z", "2026-03-10T00:00:00Z"),
                row(DATETIME, MOMENT, BEFORE, true, "2026-03-09T12:00:01Z"),
                row(DATETIME, MOMENT, BEFORE, false, MOMENT),
                row(DATETIME, MOMENT, AFTER, true, "2026-03-09T06:00:00-05:00"),
                row(DATETIME, MOMENT, AFTER, false, "2026-03-09T08:00:00-05:00"),
                row(DATETIME, MOMENT, WITHIN_LAST_DAYS, true, "1"),
                row(DATETIME, "2026-03-08T23:59:59Z", WITHIN_LAST_DAYS, false, "1"),
                row(DATETIME, MOMENT, IS_KNOWN, true),
                row(DATETIME, null, IS_KNOWN, false),
                row(DATETIME, null, IS_UNKNOWN, true),
                row(DATETIME, MOMENT, IS_UNKNOWN, false),
                change(DATETIME, null, MOMENT, CHANGED_TO, true, "1773057600000"),
                change(DATETIME, null, MOMENT, CHANGED_TO, false, "2026-03-09T12:00:01Z"),
                change(DATETIME, MOMENT, null, CHANGED_FROM, true, MOMENT),
                change(DATETIME, MOMENT, null, CHANGED_FROM, false, "2026-03-09T12:00:01Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matches_tabledOperator_asTabled(OperatorRow row) {
        assertThat(row.evaluate()).isEqualTo(row.expected());
    }

    @Test
    void table_coversEveryDateAndDatetimeOperator_bothWays() {
        assertThat(OperatorRow.gaps(rows(), EnumSet.of(DATE, DATETIME))).isEmpty();
    }

    @Test
    void matches_dateWithinLastDays_includesToday() {
        Condition condition = Filters.where("day").withinLastDays(1);

        assertThat(matches("day", "2026-03-10", condition, TestFilterContext.NOW, ZoneOffset.UTC)).isTrue();
    }

    @Test
    void matches_dateWithinLastDays_excludesTheFuture() {
        Condition condition = Filters.where("day").withinLastDays(30);

        assertThat(matches("day", "2026-03-11", condition, TestFilterContext.NOW, ZoneOffset.UTC)).isFalse();
    }

    @Test
    void matches_datetimeWithinLastDays_excludesAfterNow() {
        Condition condition = Filters.where("moment").withinLastDays(7);
        Instant now = TestFilterContext.NOW;

        assertThat(matches("moment", now.toString(), condition, now, ZoneOffset.UTC)).isTrue();
        assertThat(matches("moment", now.plusSeconds(1).toString(), condition, now, ZoneOffset.UTC)).isFalse();
    }

    @Test
    void matches_datetimeWithinLastDays_countsDaysInTheContextZone() {
        // 03:00 UTC on the 10th is still the evening of the 9th in New York, so "the last
        // day" there reaches back to midnight of the 8th New York time (05:00 UTC).
        Instant now = Instant.parse("2026-03-10T03:00:00Z");
        Condition condition = Filters.where("moment").withinLastDays(1);

        assertThat(matches("moment", "2026-03-08T06:00:00Z", condition, now, NEW_YORK)).isTrue();
        assertThat(matches("moment", "2026-03-08T04:59:59Z", condition, now, NEW_YORK)).isFalse();
        assertThat(matches("moment", "2026-03-08T06:00:00Z", condition, now, ZoneOffset.UTC)).isFalse();
    }

    @Test
    void matches_dateWithinLastDays_takesTodayFromTheContextZone() {
        Instant now = Instant.parse("2026-03-10T03:00:00Z");
        Condition condition = Filters.where("day").withinLastDays(3);

        assertThat(matches("day", "2026-03-10", condition, now, ZoneOffset.UTC)).isTrue();
        assertThat(matches("day", "2026-03-10", condition, now, NEW_YORK)).isFalse();
    }

    @Test
    void matches_datetimeBefore_comparesInstantsAcrossOffsets() {
        Condition before = Filters.where("moment").before("2026-03-09T08:00:00-05:00");

        assertThat(matches("moment", "2026-03-09T12:59:59Z", before, TestFilterContext.NOW, ZoneOffset.UTC)).isTrue();
        assertThat(matches("moment", "2026-03-09T13:00:00Z", before, TestFilterContext.NOW, ZoneOffset.UTC)).isFalse();
    }

    @Test
    void matches_datetimeStoredAsEpochMillis_readsAsTheSameInstant() {
        Condition after = Filters.where("moment").after("2026-03-09T11:00:00Z");

        assertThat(matches("moment", "1773057600000", after, TestFilterContext.NOW, ZoneOffset.UTC)).isTrue();
    }

    @Test
    void matches_dateBefore_isFalseWhenEmpty() {
        assertThat(matches("day", null, Filters.where("day").before("2030-01-01"), TestFilterContext.NOW, ZoneOffset.UTC))
                .isFalse();
    }

    @Test
    void matches_dealCloseDateWithinLastDays_onStandardDeal() {
        TestFilterContext deal = TestFilterContext.of(TestSchemas.DEAL, Map.of("closedate", "2026-03-05T10:00:00Z"));

        assertThat(Filters.matches(Filter.allOf(Filters.where("closedate").withinLastDays(7)), deal)).isTrue();
        assertThat(Filters.matches(Filter.allOf(Filters.where("closedate").withinLastDays(4)), deal)).isFalse();
    }

    private static boolean matches(String property, String stored, Condition condition, Instant now, ZoneId zone) {
        Map<String, String> properties = stored == null ? Map.of() : Map.of(property, stored);
        TestFilterContext context = TestFilterContext.of(TestSchemas.THING, properties).at(now, zone);
        return Filters.matches(Filter.allOf(condition), context);
    }
}
