package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.engine.RecordService.NewAssociation;
import io.crmflow.model.Association;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Origin;
import io.crmflow.model.RecordRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-PIPE-6 a ticket is created with its contacts in one commit, so its \"ticket received\" email finds"
        + " them, or not at all")
class RecordCreationAssociationsTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    private final RecordRef ticket = new RecordRef("ticket", "t1");

    RecordCreationAssociationsTest() {
        for (String id : List.of("ada", "bob")) {
            h.engine.records().create("acme", "contact", id, Map.of("email", id + "@example.com"), Origin.api(), h.now);
        }
        h.engine.records().create("acme", "company", "acme-co", Map.of("name", "Acme"), Origin.api(), h.now);
        h.pump();
        h.published.clear();
    }

    private void create(Map<String, String> properties, List<NewAssociation> associations) {
        h.engine.records().create("acme", "ticket", ticket.id(), properties, associations, Origin.api(), h.now);
    }

    private List<String> pointersOf(Runnable refused) {
        try {
            refused.run();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(InputProblem::pointer).toList();
        }
        throw new AssertionError("not refused");
    }

    private void assertNothingWritten() {
        assertThat(h.store.view("acme", ticket)).isEmpty();
        assertThat(h.store.view("acme", new RecordRef("contact", "ada")).orElseThrow().associations()).isEmpty();
        assertThat(h.published).isEmpty();
    }

    @Test
    void theAssociations_areStoredBothWays_withTheirLabels() {
        create(Map.of("subject", "Help"), List.of(new NewAssociation("contact", "ada", "requester"),
                new NewAssociation("company", "acme-co", null)));

        assertThat(h.store.view("acme", ticket).orElseThrow().associations()).containsExactly(
                new Association(ticket, new RecordRef("company", "acme-co"), ""),
                new Association(ticket, new RecordRef("contact", "ada"), "requester"));
        assertThat(h.store.view("acme", new RecordRef("contact", "ada")).orElseThrow().associations())
                .containsExactly(new Association(new RecordRef("contact", "ada"), ticket, "requester"));
    }

    @Test
    void aTargetThatDoesNotExist_aNull_aBadRef_orARecordListedTwice_isRefusedAtItsIndex_andNothingIsWritten() {
        List<NewAssociation> bad = new ArrayList<>();
        bad.add(new NewAssociation("contact", "ada", null));
        bad.add(null);
        bad.add(new NewAssociation("contact", "nobody", null));
        bad.add(new NewAssociation("contact", "ada", "again"));
        bad.add(new NewAssociation(null, "x", null));

        assertThat(pointersOf(() -> create(Map.of("subject", "Help"), bad)))
                .containsExactly("/associations/1", "/associations/3", "/associations/4", "/associations/2");
        assertNothingWritten();
    }

    @Test
    void propertyAndAssociationProblems_areReportedTogether() {
        assertThat(pointersOf(() -> create(Map.of("nope", "x"), List.of(new NewAssociation("contact", "nobody", null)))))
                .containsExactly("/properties/nope", "/associations/0");
        assertNothingWritten();
    }

    @Test
    void moreThanOneTransactionCanHold_isRefusedWhole_andExactlyTheMostIsCommitted() {
        for (int i = 0; i <= RecordActions.MOST_ASSOCIATED; i++) {
            h.engine.records().create("acme", "contact", "c" + i, Map.of(), Origin.api(), h.now);
        }
        h.published.clear();
        List<NewAssociation> many = IntStream.rangeClosed(0, RecordActions.MOST_ASSOCIATED)
                .mapToObj(i -> new NewAssociation("contact", "c" + i, null)).toList();

        assertThatThrownBy(() -> create(Map.of(), many)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/associations");
                    assertThat(p.message()).contains("at most " + RecordActions.MOST_ASSOCIATED);
                }));
        assertNothingWritten();

        create(Map.of(), many.subList(0, RecordActions.MOST_ASSOCIATED));
        assertThat(h.store.view("acme", ticket).orElseThrow().associations()).hasSize(RecordActions.MOST_ASSOCIATED);
    }
}
