package io.crmflow.functions.api;

import static io.crmflow.model.InvalidInputException.guard;

import io.crmflow.engine.Engine;
import io.crmflow.engine.PeopleService;
import io.crmflow.model.Names;
import io.crmflow.model.Team;
import io.crmflow.model.User;
import java.util.List;
import java.util.Map;

/**
 * The routes of a tenant's users and teams, whom internal notifications reach, and of the
 * in-app notifications left for each user (R-WF-4). Decoding, tenant and paging follow
 * {@link Routes}.
 */
final class PeopleRoutes {
    private final Engine engine;
    private final PeopleService people;

    PeopleRoutes(Engine engine) {
        this.engine = engine;
        this.people = new PeopleService(engine.ports());
    }

    record UserInput(String email, String name) {
    }

    record TeamInput(String name, List<String> userIds) {
    }

    Router addTo(Router router) {
        return router
                .add("PUT", "/users/{id}", this::putUser)
                .add("GET", "/users", (r, p) -> ApiResponse.json(200,
                        engine.ports().people().users(r.tenant(), r.queryParam("cursor"), Routes.limit(r))))
                .add("GET", "/users/{id}", (r, p) -> ApiResponse.json(200, people.user(r.tenant(), p.get("id"))))
                .add("GET", "/users/{id}/notifications", (r, p) -> ApiResponse.json(200, people.notifications(
                        r.tenant(), p.get("id"), r.queryParam("cursor"), Routes.limit(r))))
                .add("PUT", "/teams/{id}", this::putTeam)
                .add("GET", "/teams", (r, p) -> ApiResponse.json(200,
                        engine.ports().people().teams(r.tenant(), r.queryParam("cursor"), Routes.limit(r))))
                .add("GET", "/teams/{id}", (r, p) -> ApiResponse.json(200, people.team(r.tenant(), p.get("id"))));
    }

    private ApiResponse putUser(ApiRequest r, Map<String, String> p) {
        UserInput in = Routes.body(r, UserInput.class);
        String id = guard("/", () -> Names.requireValid(p.get("id"), "user id"));
        User user = guard("/email", () -> new User(id, in.email(), in.name()));
        return ApiResponse.json(200, people.putUser(r.tenant(), user));
    }

    private ApiResponse putTeam(ApiRequest r, Map<String, String> p) {
        TeamInput in = Routes.body(r, TeamInput.class);
        String id = guard("/", () -> Names.requireValid(p.get("id"), "team id"));
        Team team = guard("/userIds", () -> new Team(id, in.name(), in.userIds()));
        return ApiResponse.json(200, people.putTeam(r.tenant(), team));
    }
}
