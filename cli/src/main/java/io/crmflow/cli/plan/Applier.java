package io.crmflow.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmflow.cli.definition.Definition;
import io.crmflow.cli.definition.FileForm;
import io.crmflow.cli.remote.ApiClient;
import io.crmflow.cli.remote.ApiException;
import io.crmflow.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes a plan's changes on the target, one definition at a time, in the plan's order, through
 * the same API routes a person uses: {@code PUT} for workflows, pipelines and lists (each a whole
 * new version), a journey created or its draft saved from the version read, then published when
 * asked. Stops at the first refusal, which the caller reports with the file it came from.
 */
public final class Applier {
    private final ApiClient api;

    public Applier(ApiClient api) {
        this.api = api;
    }

    /** What was done to one definition, in words: {@code created}, {@code updated, published}. */
    public record Done(Change.Made change, List<String> actions) {
    }

    /** The target refused a change; the changes before it are made, none after it. */
    public static final class RefusedException extends RuntimeException {
        private final Definition definition;

        RefusedException(Definition definition, ApiException cause) {
            super(cause.getMessage(), cause);
            this.definition = definition;
        }

        public Definition definition() {
            return definition;
        }

        public ApiException refusal() {
            return (ApiException) getCause();
        }
    }

    /**
     * @param done told of each definition once its change is made
     * @throws RefusedException when the target refuses a change
     */
    public void apply(Plan plan, Consumer<Done> done) {
        for (Change change : plan.changes()) {
            if (change instanceof Change.Made made) {
                try {
                    done.accept(new Done(made, made instanceof Change.Update update ? update(update)
                            : create(made.wanted())));
                } catch (ApiException e) {
                    throw new RefusedException(made.wanted(), e);
                }
            }
        }
    }

    private List<String> create(Definition d) {
        List<String> actions = new ArrayList<>(List.of("created"));
        switch (d.kind()) {
            case JOURNEY -> {
                ObjectNode body = Json.mapper().createObjectNode().put(FileForm.ID, d.id());
                body.setAll((ObjectNode) d.body());
                JsonNode view = api.post("/journeys", body);
                if (d.publish()) {
                    publish(d, view);
                    actions.add("published");
                }
            }
            default -> save(d);
        }
        return actions;
    }

    private List<String> update(Change.Update update) {
        Definition d = update.wanted();
        List<String> actions = new ArrayList<>();
        switch (d.kind()) {
            case JOURNEY -> {
                JsonNode view = api.get(journeyPath(d));
                if (update.bodyChanges()) {
                    ObjectNode body = Json.mapper().createObjectNode()
                            .put("baseVersion", view.path("journey").path("version").asLong());
                    body.setAll((ObjectNode) d.body());
                    view = api.put(journeyPath(d) + "/draft", body);
                    actions.add("draft saved");
                }
                if (d.publish()) {
                    publish(d, view);
                    actions.add("published");
                }
            }
            default -> {
                save(d);
                actions.add("updated");
            }
        }
        return actions;
    }

    /** Workflows, pipelines and lists are saved whole, created or not, with {@code PUT}. */
    private void save(Definition d) {
        switch (d.kind()) {
            case WORKFLOW -> api.put("/workflows/" + ApiClient.segment(d.id()), d.body());
            case LIST -> api.put("/lists/" + ApiClient.segment(d.id()), d.body());
            case PIPELINE -> {
                ObjectNode body = d.body().deepCopy();
                body.remove("objectType"); // named in the path
                api.put("/pipelines/" + ApiClient.segment(d.key().objectType()) + "/" + ApiClient.segment(d.id()), body);
            }
            case JOURNEY -> throw new IllegalArgumentException("a journey is created or drafted, not put");
        }
    }

    /**
     * Publishes the draft just saved or read: only that version ({@code draftVersion}), so a draft
     * someone saved meanwhile is never published unseen. Existing contacts are not enrolled and no
     * stage reports are made: a file says what the journey is, not how to roll it out.
     */
    private void publish(Definition d, JsonNode view) {
        ObjectNode answers = Json.mapper().createObjectNode().put("enrollExisting", false)
                .put("createStageReports", false).put("draftVersion", view.path("journey").path("version").asLong());
        api.post(journeyPath(d) + "/publish", answers);
    }

    private static String journeyPath(Definition d) {
        return "/journeys/" + ApiClient.segment(d.id());
    }
}
