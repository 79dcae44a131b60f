package io.crmflow.store;

/**
 * A transaction's condition failed: something changed since it was read, or an item meant to
 * be new already exists. Nothing of the transaction was written.
 */
public class ConflictException extends RuntimeException {
    private final int writeIndex;

    public ConflictException(int writeIndex, String message) {
        super(message);
        this.writeIndex = writeIndex;
    }

    /** The position in the commit of the write whose condition failed, or -1 if unknown. */
    public int writeIndex() {
        return writeIndex;
    }
}
