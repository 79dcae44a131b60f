package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.model.Notification;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link PeopleStore} and its writes: users, teams and in-app notifications. */
public abstract class PeopleStoreContract extends StoreContract {

    private static User user(String id) {
        return new User(id, id + "@example.com", "User " + id);
    }

    private static Notification notification(String id, String userId, Instant at) {
        return new Notification(id, userId, at, "Subject " + id, "Body " + id, "wf1", "wf1~contact~c1", "tell",
                contact("c1"));
    }

    @Test
    void putUser_andPutTeam_areReadBackByIdAndReplaced_perTenant() {
        commit(new Write.PutUser(T, user("ana")), new Write.PutTeam(T, new Team("sales", "Sales", List.of("ana"))));
        User renamed = new User("ana", "ana@corp.example.com", "Ana");
        Team grown = new Team("sales", "Sales", List.of("ana", "bob"));
        commit(new Write.PutUser(T, renamed), new Write.PutTeam(T, grown));

        assertThat(stores.people().user(T, "ana")).contains(renamed);
        assertThat(stores.people().team(T, "sales")).contains(grown);
        assertThat(stores.people().user(T, "bob")).isEmpty();
        assertThat(stores.people().team(T, "support")).isEmpty();
        assertThat(stores.people().user(OTHER_TENANT, "ana")).isEmpty();
        assertThat(stores.people().team(OTHER_TENANT, "sales")).isEmpty();
    }

    @Test
    void usersAndTeamsById_returnThoseThatExist_once_evenPastOneBatch() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i += 40) {
            List<Write> writes = new ArrayList<>();
            for (int j = i; j < i + 40; j++) {
                writes.add(new Write.PutUser(T, user(String.format("u%03d", j))));
            }
            stores.writer().commit(writes);
        }
        for (int j = 0; j < 120; j++) {
            ids.add(String.format("u%03d", j));
        }
        ids.add("u000");
        ids.add("nobody");
        commit(new Write.PutTeam(T, new Team("sales", null, List.of())), new Write.PutTeam(T, new Team("ops", null, null)));

        assertThat(stores.people().users(T, ids)).extracting(User::id)
                .hasSize(120).doesNotHaveDuplicates().contains("u000", "u119").doesNotContain("nobody");
        assertThat(stores.people().users(OTHER_TENANT, ids)).isEmpty();
        assertThat(stores.people().users(T, List.of())).isEmpty();
        assertThat(stores.people().teams(T, List.of("ops", "sales", "ops", "nope"))).extracting(Team::id)
                .containsExactlyInAnyOrder("ops", "sales");
    }

    @Test
    void usersAndTeams_pageInIdOrder() {
        for (String id : List.of("u3", "u1", "u5", "u2", "u4")) {
            commit(new Write.PutUser(T, user(id)), new Write.PutTeam(T, new Team("t-" + id, null, List.of(id))));
        }
        commit(new Write.PutUser(OTHER_TENANT, user("u0")));

        List<String> users = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<User> page = stores.people().users(T, cursor, 2);
            page.items().forEach(u -> users.add(u.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(users).containsExactly("u1", "u2", "u3", "u4", "u5");
        assertThat(pages).isEqualTo(3);
        assertThat(stores.people().teams(T, null, 10).items()).extracting(Team::id)
                .containsExactly("t-u1", "t-u2", "t-u3", "t-u4", "t-u5");
        assertThat(stores.people().teams(OTHER_TENANT, null, 10).items()).isEmpty();
    }

    @Test
    @DisplayName("R-WF-4 a user's in-app notifications read newest first, a page at a time")
    void notifications_pageNewestFirst_perUser() {
        commit(new Write.PutUser(T, user("ana")), new Write.PutUser(T, user("bob")));
        commit(new Write.PutNotification(T, notification("n1", "ana", NOW)),
                new Write.PutNotification(T, notification("n2", "ana", NOW.plusSeconds(60))),
                new Write.PutNotification(T, notification("n3", "bob", NOW.plusSeconds(30))));
        commit(new Write.PutNotification(T, notification("n4", "ana", NOW.plusSeconds(120))));

        Page<Notification> first = stores.people().notifications(T, "ana", null, 2);
        Page<Notification> second = stores.people().notifications(T, "ana", first.nextCursor(), 2);

        assertThat(first.items()).extracting(Notification::id).containsExactly("n4", "n2");
        assertThat(second.items()).extracting(Notification::id).containsExactly("n1");
        assertThat(second.nextCursor()).isNull();
        assertThat(first.items().get(0)).isEqualTo(notification("n4", "ana", NOW.plusSeconds(120)));
        assertThat(stores.people().notifications(T, "bob", null, 10).items()).extracting(Notification::id)
                .containsExactly("n3");
        assertThat(stores.people().notifications(OTHER_TENANT, "ana", null, 10).items()).isEmpty();
        assertThatThrownBy(() -> stores.people().notifications(T, "bob", first.nextCursor(), 2))
                .as("a cursor from another user's listing").isInstanceOf(InvalidCursorException.class);
    }

    @Test
    @DisplayName("R-RUN-5 a notification with an id already left conflicts, whenever it was decided, and the commit writes nothing")
    void putNotification_sameIdTwice_conflicts_andNothingOfThatCommitIsWritten() {
        commit(new Write.PutNotification(T, notification("n1", "ana", NOW)));

        ConflictException e = conflict(new Write.PutNotification(T, notification("n2", "ana", NOW.plusSeconds(5))),
                new Write.PutNotification(T, notification("n1", "ana", NOW.plusSeconds(5))));

        assertThat(e.writeIndex()).isEqualTo(1);
        assertThat(stores.people().notifications(T, "ana", null, 10).items()).extracting(Notification::id)
                .containsExactly("n1");
        commit(new Write.PutNotification(T, notification("n1", "bob", NOW)));
        assertThat(stores.people().notifications(T, "bob", null, 10).items()).extracting(Notification::id)
                .as("ids are per user").containsExactly("n1");
    }
}
