package io.crmflow.local;

/**
 * An error a stand-in answers the way the AWS service would: the error code the SDK maps to
 * its exception class, a message, and the HTTP status.
 */
final class AwsServiceError extends RuntimeException {

    private final String code;
    private final int status;

    AwsServiceError(String code, String message) {
        this(code, message, 400);
    }

    AwsServiceError(String code, String message, int status) {
        super(message);
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
