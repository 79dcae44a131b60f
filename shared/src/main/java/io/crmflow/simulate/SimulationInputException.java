package io.crmflow.simulate;

import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import java.util.List;

/**
 * A document given to a simulation — its setup, or the workflow or journey under test — that
 * the API would refuse, with every problem at once, each at a JSON pointer into that document.
 */
public final class SimulationInputException extends InvalidInputException {
    private final String document;

    /** @param document which document is wrong: {@code setup}, {@code workflow}, {@code journey} */
    public SimulationInputException(String document, List<InputProblem> problems) {
        super(problems);
        this.document = document;
    }

    public String document() {
        return document;
    }

    @Override
    public String getMessage() {
        return document + ": " + super.getMessage();
    }
}
