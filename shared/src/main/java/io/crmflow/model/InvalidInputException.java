package io.crmflow.model;

import java.util.List;
import java.util.function.Supplier;
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

    /**
     * What {@code build} makes from input, or its refusal as this exception at {@code pointer}:
     * model constructors refuse a bad value with IllegalArgumentException, and a list holding null
     * (or a required field left out) with NullPointerException.
     */
    public static <T> T guard(String pointer, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw of(pointer, e.getMessage());
        } catch (NullPointerException e) {
            throw of(pointer, "a list holds null, or a required field is missing");
        }
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
