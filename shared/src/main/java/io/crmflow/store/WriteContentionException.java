package io.crmflow.store;

/**
 * A commit was cancelled because another transaction was changing one of its items at the same
 * moment — not because a condition failed. Nothing was written, and nothing is known to be
 * wrong with the commit: retrying it later is the remedy, so callers must not read this as
 * "already exists" or "changed since read".
 */
public class WriteContentionException extends RuntimeException {
    public WriteContentionException(String message) {
        super(message);
    }
}
