package io.crmflow.functions.api;

import io.crmflow.store.KeyPaging;
import io.crmflow.store.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/**
 * Pages what the API lists from a set it reads whole — a record's associations and stage history,
 * a type's pipelines, a workflow's comments, the shipped templates — as the store pages its own
 * listings ({@link KeyPaging}): every list route takes {@code limit} and {@code cursor} and
 * answers {@code {"items": […], "nextCursor": …}} alike, whichever of the two lies behind it.
 */
final class ListPages {
    private ListPages() {
    }

    /**
     * The page the request asks for.
     *
     * @param listing names the list, down to whose it is, so its cursors are refused by any other
     * @param key     sorts the items (String order) and marks where a page ends; unique in the list
     */
    static <T> Page<T> page(ApiRequest r, String listing, Collection<T> items, Function<T, String> key) {
        return KeyPaging.page(items, key, listing, r.queryParam("cursor"), Routes.limit(r));
    }

    /** An instant as a key that sorts in time order, which its ISO text (of varying length) does not. */
    static String timeKey(Instant at) {
        return String.format("%019d.%09d", at.getEpochSecond(), at.getNano());
    }
}
