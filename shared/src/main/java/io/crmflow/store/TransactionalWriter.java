package io.crmflow.store;

import java.util.List;

/** Applies a list of writes atomically: all of them, or none and a {@link ConflictException}. */
public interface TransactionalWriter {

    /**
     * @throws ConflictException when a write's condition fails; nothing was written
     * @throws IllegalArgumentException when the commit is larger than the store can make atomic
     *                                  (more than 100 table items; docs/data-model.md says what each
     *                                  write expands to), or changes the same item twice
     */
    void commit(List<Write> writes);
}
