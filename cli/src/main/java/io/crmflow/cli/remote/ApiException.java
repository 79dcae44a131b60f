package io.crmflow.cli.remote;

import java.util.List;

/**
 * The API refused a request: its status and the problem document's sentence and, for bad input,
 * every problem with its JSON pointer into what was sent (RFC 9457).
 *
 * @param errors empty unless the API listed them
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final List<Error> errors;

    /** One problem of a refused body: where, and what. */
    public record Error(String pointer, String detail) {
    }

    public ApiException(int status, String detail, List<Error> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<Error> errors() {
        return errors;
    }
}
