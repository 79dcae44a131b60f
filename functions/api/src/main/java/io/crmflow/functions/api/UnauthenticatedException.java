package io.crmflow.functions.api;

/** A request without a token the API accepts: answered 401. */
final class UnauthenticatedException extends RuntimeException {
    UnauthenticatedException(String message) {
        super(message);
    }
}
