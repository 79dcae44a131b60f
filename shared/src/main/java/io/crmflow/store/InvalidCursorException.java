package io.crmflow.store;

/**
 * A listing was handed a cursor it did not hand out: another listing's, a damaged one, or one made
 * up. An {@link IllegalArgumentException}, as every argument a port refuses is; its own type lets
 * the API say that the cursor is what is wrong, not the request as a whole.
 */
public final class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException() {
        super("cursor was not handed out by this listing; start again without one");
    }
}
