package io.crmflow.bench;

import java.util.Objects;

/**
 * One measured figure as the results table shows it.
 *
 * @param instrument which instrument measured it, e.g. "trigger matching"
 * @param measure    what was measured, e.g. "cost at 10,000 workflows / cost at 10"
 * @param value      the figure with its unit, e.g. "1.4×"
 * @param target     what the issue asks of it, or "" for a figure given for context
 * @param verdict    whether the target is met
 */
public record Figure(String instrument, String measure, String value, String target, Verdict verdict) {
    public Figure {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
        if (target.isEmpty() != (verdict == Verdict.CONTEXT)) {
            throw new IllegalArgumentException("a figure has a target exactly when it has a verdict on it: " + measure);
        }
    }

    public static Figure context(String instrument, String measure, String value) {
        return new Figure(instrument, measure, value, "", Verdict.CONTEXT);
    }

    public static Figure against(String instrument, String measure, String value, String target, boolean met) {
        return new Figure(instrument, measure, value, target, met ? Verdict.MET : Verdict.MISSED);
    }

    public enum Verdict {
        MET("met"),
        MISSED("MISSED"),
        CONTEXT("");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}
