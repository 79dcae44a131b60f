package io.crmflow.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One contact of the exactly-once run, drawn at random: the branch path it takes, and when it
 * meets the goal or joins the suppression list, if ever. It says what should become of the
 * contact — independently of the engine, from the plan alone. Immutable.
 *
 * @param marketable   a marketing contact; executives are at random, since the first matching path wins
 * @param goalAt       when it becomes a customer (the goal); null for never
 * @param suppressedAt when it joins the suppression list; null for never
 */
record ContactPlan(String id, Route route, boolean marketable, boolean optedOut, Fate fate, Instant goalAt,
                   Instant suppressedAt) {

    /** The path of the workflow's branch the contact's properties lead to, and the email at its end. */
    enum Route {
        EXECUTIVE("branch 'executives' taken", "mailExec"),
        MARKETABLE("branch 'marketable' taken", "mailNews"),
        OTHER("no branch matched: took the none-matched branch", null);

        final String branchLine;
        /** The send-email action at the end of the path; null when the path sends none. */
        final String mailAction;

        Route(String branchLine, String mailAction) {
            this.branchLine = branchLine;
            this.mailAction = mailAction;
        }
    }

    enum Fate {
        NEITHER, GOAL, SUPPRESSED, GOAL_THEN_SUPPRESSED, SUPPRESSED_THEN_GOAL,
        /** Becomes a customer before its creation is handled, so never meets the trigger's criteria. */
        GOAL_BEFORE_ENROLLMENT,
        /** Joins the suppression list before its creation is handled, so is never enrolled. */
        SUPPRESSED_BEFORE_ENROLLMENT
    }

    /** A change the test makes: the contact becomes a customer ({@code goal}) or joins the suppression list. */
    record Change(Instant at, String contactId, boolean goal) {
    }

    /**
     * Every change during the delay falls before any delay can end (delays start at {@code start}
     * at the earliest), up to its last minute, so that one whose event comes late is caught by the
     * check before the email;
     * of two changes, the second comes at least 12 hours after the first, so the first decides why
     * the contact left even when its event was lost and came late.
     */
    static List<ContactPlan> draw(int n, Random dice, Instant start, Duration delay) {
        List<ContactPlan> plans = new ArrayList<>();
        Duration latest = delay.minusMinutes(1);
        for (int i = 0; i < n; i++) {
            double r = dice.nextDouble();
            Route route = r < 0.3 ? Route.EXECUTIVE : r < 0.7 ? Route.MARKETABLE : Route.OTHER;
            boolean marketable = route == Route.MARKETABLE || route == Route.EXECUTIVE && dice.nextBoolean();
            boolean optedOut = dice.nextDouble() < 0.15;
            Fate fate = fate(dice.nextDouble());
            Instant first = start.plus(between(dice, Duration.ofHours(1), latest.minusHours(16)));
            Instant second = first.plus(between(dice, Duration.ofHours(12), Duration.ofHours(16)));
            Instant any = start.plus(between(dice, Duration.ofHours(1), latest));
            Instant goalAt = switch (fate) {
                case GOAL -> any;
                case GOAL_THEN_SUPPRESSED -> first;
                case SUPPRESSED_THEN_GOAL -> second;
                case GOAL_BEFORE_ENROLLMENT -> start;
                default -> null;
            };
            Instant suppressedAt = switch (fate) {
                case SUPPRESSED -> any;
                case SUPPRESSED_THEN_GOAL -> first;
                case GOAL_THEN_SUPPRESSED -> second;
                case SUPPRESSED_BEFORE_ENROLLMENT -> start;
                default -> null;
            };
            plans.add(new ContactPlan(String.format("c-%04d", i), route, marketable, optedOut, fate, goalAt,
                    suppressedAt));
        }
        return plans;
    }

    private static Fate fate(double r) {
        double[] shares = {0.40, 0.16, 0.16, 0.10, 0.10, 0.04, 0.04};
        for (int i = 0; i < shares.length; i++) {
            if ((r -= shares[i]) < 0) {
                return Fate.values()[i];
            }
        }
        return Fate.NEITHER;
    }

    private static Duration between(Random dice, Duration from, Duration to) {
        return from.plusSeconds((long) (dice.nextDouble() * (to.getSeconds() - from.getSeconds())));
    }

    String email() {
        return id + "@example.com";
    }

    Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("email", email());
        p.put("firstname", "Contact " + id);
        p.put("lifecyclestage", "lead");
        p.put("jobtitle", route == Route.EXECUTIVE ? "CEO" : "Engineer");
        p.put("hs_marketable_status", String.valueOf(marketable));
        p.put("hs_email_optout", String.valueOf(optedOut));
        return p;
    }

    boolean enrolled() {
        return fate != Fate.GOAL_BEFORE_ENROLLMENT && fate != Fate.SUPPRESSED_BEFORE_ENROLLMENT;
    }

    /** Why it should leave the workflow early — the earlier of its changes — or null when it should complete. */
    UnenrollmentRules.Cause leavesBy() {
        if (!enrolled() || goalAt == null && suppressedAt == null) {
            return null;
        }
        boolean goalFirst = suppressedAt == null || goalAt != null && goalAt.isBefore(suppressedAt);
        return goalFirst ? UnenrollmentRules.Cause.GOAL : UnenrollmentRules.Cause.SUPPRESSION;
    }

    /** Marketing email goes only to marketable contacts not opted out; transactional email to anyone. */
    boolean getsEmail() {
        return enrolled() && leavesBy() == null
                && (route == Route.EXECUTIVE || route == Route.MARKETABLE && !optedOut);
    }

    List<Change> changesBeforeEnrollment() {
        return enrolled() ? List.of() : changes();
    }

    List<Change> changesDuringDelay() {
        return enrolled() ? changes() : List.of();
    }

    private List<Change> changes() {
        List<Change> out = new ArrayList<>();
        if (goalAt != null) {
            out.add(new Change(goalAt, id, true));
        }
        if (suppressedAt != null) {
            out.add(new Change(suppressedAt, id, false));
        }
        return out;
    }

    String describe() {
        return id + " (" + route + (optedOut ? ", opted out" : "") + ", " + fate
                + (goalAt == null ? "" : ", customer at " + goalAt)
                + (suppressedAt == null ? "" : ", suppressed at " + suppressedAt) + ")";
    }
}
