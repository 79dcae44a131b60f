package io.crmflow.engine;

import java.util.Optional;

/**
 * The history line a branch writes when it is taken, and the way out it names read back from
 * one: the words are made and read in this one place, so a report counting branches cannot
 * drift from what the steps write.
 */
public final class BranchLines {
    /** The way out taken when no path or value matched. */
    public static final String NONE_MATCHED = "(none matched)";
    private static final String PATH_START = "branch '";
    private static final String PATH_END = "' taken";
    private static final String VALUE_MIDDLE = " is '";
    private static final String VALUE_END = "': took that branch";
    private static final String NONE_END = ": took the none-matched branch";

    private BranchLines() {
    }

    static String pathTaken(String pathName) {
        return PATH_START + pathName + PATH_END;
    }

    static String noPathMatched() {
        return "no branch matched" + NONE_END;
    }

    static String valueTaken(String property, String value) {
        return property + VALUE_MIDDLE + value + VALUE_END;
    }

    static String noValueMatched(String property) {
        return property + " matched no value" + NONE_END;
    }

    /**
     * The way out a {@code BRANCH_TAKEN} line names: the path's name, the value matched, or
     * {@link #NONE_MATCHED}; empty for a line no branch wrote.
     */
    public static Optional<String> outcome(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        if (detail.endsWith(NONE_END)) {
            return Optional.of(NONE_MATCHED);
        }
        if (detail.startsWith(PATH_START) && detail.endsWith(PATH_END)) {
            return Optional.of(detail.substring(PATH_START.length(), detail.length() - PATH_END.length()));
        }
        int middle = detail.indexOf(VALUE_MIDDLE);
        if (middle > 0 && detail.endsWith(VALUE_END)) {
            return Optional.of(detail.substring(middle + VALUE_MIDDLE.length(), detail.length() - VALUE_END.length()));
        }
        return Optional.empty();
    }
}
