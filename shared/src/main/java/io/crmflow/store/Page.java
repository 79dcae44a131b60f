package io.crmflow.store;

import java.util.List;

/**
 * One page of a listing. Listings take a {@code limit} of at least 1 and refuse, with an
 * {@link IllegalArgumentException}, a cursor that another listing handed out.
 *
 * @param nextCursor opaque; pass it back for the following page; null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
