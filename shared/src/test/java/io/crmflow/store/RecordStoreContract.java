package io.crmflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.model.Association;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.RecordRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link RecordStore} and the record writes: records, associations, static-list memberships. */
public abstract class RecordStoreContract extends StoreContract {

    @Test
    void putRecord_new_isReadBackWhole() {
        CrmRecord r = record(T, contact("c1"), Map.of("email", "a@example.com", "firstname", "Ada"));
        CrmRecord bare = record(T, contact("c2"), Map.of());
        commit(create(r), create(bare));

        assertThat(stores.records().record(T, contact("c1"))).contains(r);
        assertThat(stores.records().record(T, contact("c2"))).contains(bare);
        assertThat(stores.records().record(T, contact("missing"))).isEmpty();
        assertThat(stores.records().record(OTHER_TENANT, contact("c1"))).isEmpty();
    }

    @Test
    void putRecord_createWhenPresent_conflictsAndKeepsTheFirst() {
        CrmRecord first = contactRecord("c1");
        commit(create(first));

        ConflictException e = conflict(create(record(T, contact("c1"), Map.of("email", "other@example.com"))));

        assertThat(e.writeIndex()).isZero();
        assertThat(stores.records().record(T, contact("c1"))).contains(first);
    }

    @Test
    void putRecord_expectedVersion_replacesOnlyTheVersionRead() {
        CrmRecord v1 = contactRecord("c1");
        commit(create(v1));
        CrmRecord v2 = v1.with(Map.of("firstname", "Ada"), NOW.plusSeconds(60));
        commit(new Write.PutRecord(v2, 1));

        ConflictException stale = conflict(new Write.PutRecord(v1.with(Map.of("firstname", "Bob"), NOW), 1));

        assertThat(stale.writeIndex()).isZero();
        assertThat(stores.records().record(T, contact("c1"))).contains(v2);
    }

    @Test
    void putRecord_updateOfMissingRecord_conflicts() {
        assertThat(conflict(new Write.PutRecord(contactRecord("c1"), 1)).writeIndex()).isZero();
        assertThat(stores.records().record(T, contact("c1"))).isEmpty();
    }

    @Test
    void records_leavesOutMissingAndRepeated_inTheOrderAsked() {
        commit(create(contactRecord("c1")), create(contactRecord("c2")), create(contactRecord("c3")));

        List<CrmRecord> found = stores.records().records(T,
                List.of(contact("c3"), contact("nope"), contact("c1"), contact("c3")));

        assertThat(found).extracting(CrmRecord::id).containsExactly("c3", "c1");
        assertThat(stores.records().records(T, List.of())).isEmpty();
    }

    @Test
    void records_moreThanOneBatch_areAllFound() {
        List<Write> first = new ArrayList<>();
        List<Write> second = new ArrayList<>();
        List<RecordRef> asked = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            (i < 65 ? first : second).add(create(contactRecord("c" + i)));
            asked.add(contact("c" + (129 - i)));
        }
        asked.add(70, contact("missing"));
        stores.writer().commit(first);
        stores.writer().commit(second);

        assertThat(stores.records().records(T, asked)).extracting(CrmRecord::id)
                .containsExactlyElementsOf(asked.stream().map(RecordRef::id).filter(id -> !id.equals("missing")).toList());
    }

    @Test
    void recordsOfType_pagesInIdOrder_onlyThatTypeAndTenant() {
        for (String id : List.of("c5", "c1", "c7", "c3", "c2", "c6", "c4")) {
            commit(create(contactRecord(id)));
        }
        commit(create(record(T, new RecordRef("company", "c0"), Map.of())),
                create(record(OTHER_TENANT, contact("c0"), Map.of())));

        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Page<CrmRecord> page = stores.records().recordsOfType(T, "contact", cursor, 3);
            page.items().forEach(r -> ids.add(r.id()));
            sizes.add(page.items().size());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(ids).containsExactly("c1", "c2", "c3", "c4", "c5", "c6", "c7");
        assertThat(sizes).containsExactly(3, 3, 1);
    }

    @Test
    void listMembers_pagesAStaticListsMembers_andForgetsThoseRemoved() {
        for (String id : List.of("m3", "m1", "m2", "m4")) {
            commit(create(contactRecord(id)), new Write.PutListMembership(T, "vip", contact(id), true));
        }
        commit(new Write.PutListMembership(T, "vip", contact("m2"), false),
                new Write.PutListMembership(T, "other", contact("m1"), true),
                new Write.PutListMembership(OTHER_TENANT, "vip", contact("m9"), true));

        Page<RecordRef> first = stores.records().listMembers(T, "vip", null, 2);
        Page<RecordRef> second = stores.records().listMembers(T, "vip", first.nextCursor(), 2);

        assertThat(first.items()).containsExactly(contact("m1"), contact("m3"));
        assertThat(second.items()).containsExactly(contact("m4"));
        assertThat(second.nextCursor()).isNull();
        assertThat(stores.records().listMembers(T, "none", null, 2).items()).isEmpty();
    }

    @Test
    void recordsOfType_fullLastPage_hasNoCursor() {
        for (String id : List.of("a", "b", "c", "d")) {
            commit(create(contactRecord(id)));
        }
        Page<CrmRecord> first = stores.records().recordsOfType(T, "contact", null, 2);
        Page<CrmRecord> second = stores.records().recordsOfType(T, "contact", first.nextCursor(), 2);

        assertThat(second.items()).extracting(CrmRecord::id).containsExactly("c", "d");
        assertThat(second.nextCursor()).isNull();
        assertThat(stores.records().recordsOfType(T, "deal", null, 2)).isEqualTo(new Page<>(List.of(), null));
    }

    @Test
    void recordsOfType_foreignCursor_isRefused() {
        commit(create(contactRecord("a")), create(contactRecord("b")));
        String cursor = stores.records().recordsOfType(T, "contact", null, 1).nextCursor();

        assertThatThrownBy(() -> stores.records().recordsOfType(T, "contact", "not a cursor", 1))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> stores.records().recordsOfType(T, "company", cursor, 1))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> stores.records().recordsOfType(T, "contact", null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-OBJ-5 view() shows associations from both sides, R-OBJ-7 and the static lists")
    void view_showsAssociationsBothWaysAndListMarkers() {
        RecordRef deal = new RecordRef("deal", "d1");
        RecordRef company = new RecordRef("company", "acme");
        commit(create(contactRecord("c1")), create(record(T, deal, Map.of())), create(record(T, company, Map.of())),
                new Write.PutAssociation(T, new Association(contact("c1"), deal, "primary")),
                new Write.PutAssociation(T, new Association(company, contact("c1"), "")),
                new Write.PutListMembership(T, "newsletter", contact("c1"), true),
                new Write.PutListMembership(T, "vip", contact("c1"), true),
                enroll(enrollment("wf1", contact("c1"), io.crmflow.engine.EnrollmentStatus.ACTIVE, NOW, NOW)));

        RecordView c1 = stores.records().view(T, contact("c1")).orElseThrow();
        assertThat(c1.record()).isEqualTo(contactRecord("c1"));
        assertThat(c1.associations()).containsExactly(
                new Association(contact("c1"), company, ""),
                new Association(contact("c1"), deal, "primary"));
        assertThat(c1.staticLists()).containsExactlyInAnyOrder("newsletter", "vip");
        assertThat(c1.enrolledWorkflows()).as("the slot items read in the same query").containsExactly("wf1");

        RecordView d1 = stores.records().view(T, deal).orElseThrow();
        assertThat(d1.associations()).containsExactly(new Association(deal, contact("c1"), "primary"));
        assertThat(d1.staticLists()).isEmpty();
    }

    @Test
    void view_ofMissingRecord_isEmptyEvenWithAssociationsStored() {
        commit(create(contactRecord("c1")),
                new Write.PutAssociation(T, new Association(contact("c1"), contact("ghost"), "")));

        assertThat(stores.records().view(T, contact("ghost"))).isEmpty();
        assertThat(stores.records().view(OTHER_TENANT, contact("c1"))).isEmpty();
    }

    @Test
    void putListMembership_notMember_removesTheMarker() {
        commit(create(contactRecord("c1")), new Write.PutListMembership(T, "vip", contact("c1"), true));
        commit(new Write.PutListMembership(T, "vip", contact("c1"), false));
        commit(new Write.PutListMembership(T, "never-joined", contact("c1"), false));

        assertThat(stores.records().view(T, contact("c1")).orElseThrow().staticLists()).isEmpty();
    }

    @Test
    void putAssociation_again_replacesTheLabel() {
        RecordRef deal = new RecordRef("deal", "d1");
        commit(create(contactRecord("c1")), create(record(T, deal, Map.of())),
                new Write.PutAssociation(T, new Association(contact("c1"), deal, "primary")));
        commit(new Write.PutAssociation(T, new Association(deal, contact("c1"), "secondary")));

        assertThat(stores.records().view(T, contact("c1")).orElseThrow().associations())
                .containsExactly(new Association(contact("c1"), deal, "secondary"));
    }

    @Test
    @DisplayName("a record's stage changes are kept beside it, read back in the order of the versions they made, with who made them, once each")
    void appendStageChange_isReadInTheViewInVersionOrder_andKeptOnce() {
        RecordRef deal = new RecordRef("deal", "d1");
        // At one instant, and the later change's event id sorts first: only the version orders them.
        var later = new io.crmflow.model.StageChange("dealstage", "appointment", "contractsent", NOW,
                io.crmflow.model.Origin.user("u1"), "a2", 2);
        var first = new io.crmflow.model.StageChange("dealstage", null, "appointment", NOW,
                io.crmflow.model.Origin.api(), "e1", 1);
        var sameCommit = new io.crmflow.model.StageChange("pipeline", null, "default", NOW,
                io.crmflow.model.Origin.api(), "e1.1", 1);
        commit(create(record(T, deal, Map.of())), new Write.AppendStageChange(T, deal, later));
        commit(new Write.AppendStageChange(T, deal, first), new Write.AppendStageChange(T, deal, sameCommit));

        assertThat(stores.records().view(T, deal).orElseThrow().stageChanges())
                .containsExactly(first, sameCommit, later);
        assertThat(conflict(new Write.AppendStageChange(T, deal, later)).writeIndex()).isZero();
        assertThat(stores.records().view(T, contact("c1"))).isEmpty();
    }
}
