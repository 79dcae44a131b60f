package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-WF-4 the users and teams internal notifications reach")
class PeopleServiceTest {
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    private final PeopleService people = new PeopleService(h.engine.ports());

    @Test
    void putTeam_withMembersThatAreNotUsers_isRefusedPointingAtEach_andNothingIsSaved() {
        people.putUser("acme", new User("ana", "ana@example.com", "Ana"));

        assertThatThrownBy(() -> people.putTeam("acme", new Team("sales", "Sales", List.of("ghost", "ana", "nobody"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new InputProblem("/userIds/0", "there is no user 'ghost'"),
                                new InputProblem("/userIds/2", "there is no user 'nobody'")));
        assertThatThrownBy(() -> people.team("acme", "sales")).isInstanceOf(NotFoundException.class);

        Team sales = people.putTeam("acme", new Team("sales", null, List.of("ana", "ana")));
        assertThat(sales.userIds()).as("a member named twice counts once").containsExactly("ana");
        assertThat(sales.name()).isEqualTo("sales");
        assertThat(people.team("acme", "sales")).isEqualTo(sales);
    }

    @Test
    void usersOfAnotherTenant_areNotFound_andAnUnknownTenantIsRefused() {
        h.withTenant("other");
        people.putUser("acme", new User("ana", "ana@example.com", null));

        assertThat(people.user("acme", "ana").name()).as("the id stands in for a missing name").isEqualTo("ana");
        assertThatThrownBy(() -> people.user("other", "ana")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> people.notifications("other", "ana", null, 10)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("user 'ana'");
        assertThatThrownBy(() -> people.putUser("nope", new User("ana", "ana@example.com", null)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("tenant 'nope'");
    }

    @Test
    void aUserNeedsAnEmailAddress() {
        assertThatThrownBy(() -> new User("ana", "not-an-address", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not-an-address'");
        assertThatThrownBy(() -> new User("ana", null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
