package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KeyPagingTest {
    private static final Function<String, String> SELF = s -> s;

    @Test
    void page_walksEveryItemOnceInKeyOrder_andTheLastPageHasNoCursor() {
        List<String> items = List.of("d", "a", "e", "c", "b");

        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<String> page = KeyPaging.page(items, SELF, "letters", cursor, 2);
            pages.add(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(pages).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    }

    @Test
    void page_endingExactlyAtTheEnd_saysSoInsteadOfLeadingToAnEmptyPage() {
        Page<String> only = KeyPaging.page(List.of("a", "b"), SELF, "letters", null, 2);

        assertThat(only.items()).containsExactly("a", "b");
        assertThat(only.nextCursor()).isNull();
    }

    @Test
    void page_itemsAddedOrRemovedBehindTheCursor_shiftNothingAhead() {
        String cursor = KeyPaging.page(List.of("b", "d", "f"), SELF, "letters", null, 2).nextCursor();

        Page<String> next = KeyPaging.page(List.of("a", "c", "e", "f"), SELF, "letters", cursor, 2);

        assertThat(next.items()).as("after d, whatever came and went before it").containsExactly("e", "f");
    }

    @Test
    void page_cursorOfAnotherListingOrMadeUp_isRefusedAsACursor() {
        String cursor = KeyPaging.page(List.of("a", "b"), SELF, "letters", null, 1).nextCursor();

        assertThatThrownBy(() -> KeyPaging.page(List.of("a", "b"), SELF, "digits", cursor, 1))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> KeyPaging.page(List.of("a", "b"), SELF, "letters", "%%not base64%%", 1))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> KeyPaging.page(List.of("a", "b"), SELF, "letters", "", 1))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void page_limitBelowOne_orTwoItemsOnOneKey_areRefused() {
        assertThatThrownBy(() -> KeyPaging.page(List.of("a"), SELF, "letters", null, 0))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> KeyPaging.page(List.of("ab", "ac"), s -> s.substring(0, 1), "letters", null, 5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("share the key a");
    }
}
