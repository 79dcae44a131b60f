package io.crmflow.model;

import java.util.List;
import java.util.stream.Collectors;

/** Input refused before anything was written; carries every problem found, not just the first. */
public class InvalidInputException extends RuntimeException {
    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String pointer, String message) {
        return new InvalidInputException(List.of(new InputProblem(pointer, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
