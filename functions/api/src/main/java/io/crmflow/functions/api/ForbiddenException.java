package io.crmflow.functions.api;

/** A caller whose role does not allow the request: answered 403. */
final class ForbiddenException extends RuntimeException {
    ForbiddenException(String message) {
        super(message);
    }
}
