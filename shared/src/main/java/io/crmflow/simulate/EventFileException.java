package io.crmflow.simulate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An events file refused before anything ran, with every problem of every line at once. The
 * message names the first {@value #SHOWN}; {@link #problems()} holds them all.
 */
public final class EventFileException extends IllegalArgumentException {
    static final int SHOWN = 20;
    private final transient List<LineProblem> problems;

    public EventFileException(List<LineProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<LineProblem> problems() {
        return problems;
    }

    private static String summary(List<LineProblem> problems) {
        String shown = problems.stream().limit(SHOWN).map(LineProblem::toString).collect(Collectors.joining("\n"));
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the events file:\n" + shown
                + (problems.size() > SHOWN ? "\n… and " + (problems.size() - SHOWN) + " more" : "");
    }
}
