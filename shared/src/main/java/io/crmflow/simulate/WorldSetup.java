package io.crmflow.simulate;

import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.engine.EmailTemplates;
import io.crmflow.engine.PeopleService;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.NotFoundException;
import io.crmflow.model.ObjectType;
import io.crmflow.model.Pipeline;
import io.crmflow.model.Tenant;
import io.crmflow.model.User;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a setup and the subject into a world through the engine's own services, the ones the API
 * calls, so what the API would refuse is refused here too, with its pointer — prefixed with where
 * in the setup the part was.
 */
final class WorldSetup {
    /** Webhooks are signed, so a tenant needs a secret before a workflow may post one; nothing here leaves. */
    private static final String SIGNING_SECRET = "simulation-only-secret-that-signs-nothing-real";
    /** Whom a journey belongs to when the setup names no user of that id (R-JRN-9 wants an owner). */
    static final String OWNER = "simulation";

    private final SimulatedWorld world;
    private final List<InputProblem> problems = new ArrayList<>();

    private WorldSetup(SimulatedWorld world) {
        this.world = world;
    }

    /** @throws SimulationInputException with every problem of the setup, each at its pointer */
    static void load(SimulatedWorld world, SimulationSetup setup) {
        new WorldSetup(world).loadAll(setup);
    }

    /** @throws SimulationInputException with every problem the API would find in the subject */
    static void load(SimulatedWorld world, Subject subject) {
        try {
            if (subject instanceof Subject.Workflow w) {
                saveWorkflow(world, w);
            } else if (subject instanceof Subject.Journey j) {
                publishJourney(world, j);
            }
        } catch (InvalidInputException e) {
            throw new SimulationInputException(kind(subject), e.problems());
        } catch (IllegalArgumentException | NotFoundException e) {
            throw new SimulationInputException(kind(subject), List.of(new InputProblem("/", e.getMessage())));
        }
    }

    static String kind(Subject subject) {
        return subject instanceof Subject.Journey ? "journey" : "workflow";
    }

    private static void saveWorkflow(SimulatedWorld world, Subject.Workflow w) {
        world.engine.definitions().saveWorkflow(new WorkflowDefinition(SimulatedWorld.TENANT, w.id(), w.name(),
                w.objectType(), 0, true, w.trigger(), w.firstActionId(), w.actions(), w.window(), w.unenrollment(),
                w.goal(), null));
    }

    private static void publishJourney(SimulatedWorld world, Subject.Journey j) {
        var people = new PeopleService(world.engine.ports());
        if (world.store.user(SimulatedWorld.TENANT, OWNER).isEmpty()) {
            people.putUser(SimulatedWorld.TENANT, new User(OWNER, "simulation@example.com", "Simulation"));
        }
        world.engine.journeys().create(SimulatedWorld.TENANT, OWNER, "/", j.id(), j.definition());
        // Contacts are all still to come from the events file: there is no one to enroll on publish.
        world.engine.journeys().publish(SimulatedWorld.TENANT, j.id(), false, false, null, OWNER);
    }

    private void loadAll(SimulationSetup setup) {
        ZoneId zone = ZoneOffset.UTC;
        if (setup.timezone() != null) {
            try {
                zone = ZoneId.of(setup.timezone());
            } catch (DateTimeException e) {
                problems.add(new InputProblem("/timezone", "'" + setup.timezone() + "' is not a timezone (e.g. Europe/Paris)"));
            }
        }
        var definitions = world.engine.definitions();
        String t = SimulatedWorld.TENANT;
        definitions.createTenant(new Tenant(t, "Simulation", zone));
        definitions.putWebhookSettings(t, SIGNING_SECRET, Boolean.TRUE.equals(setup.allowPrivateWebhookTargets()));
        each("/objectTypes", setup.objectTypes(), d -> definitions.putObjectType(t, ObjectType.custom(d.name(),
                d.properties() == null ? List.of() : d.properties())));
        each("/pipelines", setup.pipelines(), d -> definitions.putPipeline(t, new Pipeline(d.id(), d.objectType(),
                d.label() == null ? d.id() : d.label(), d.stages() == null ? List.of() : d.stages())));
        each("/lists", setup.lists(), list -> definitions.putList(t, list));
        var people = new PeopleService(world.engine.ports());
        each("/users", setup.users(), user -> people.putUser(t, user));
        each("/teams", setup.teams(), team -> people.putTeam(t, team));
        var templates = new EmailTemplates(world.engine.ports());
        each("/emailTemplates", setup.emailTemplates(), d -> templates.put(t, d.id(), d.subject(), d.body()));
        if (!problems.isEmpty()) {
            throw new SimulationInputException("setup", problems);
        }
    }

    /** Loads each part on its own, so one refused part does not hide the problems of the next. */
    private <T> void each(String pointer, List<T> parts, java.util.function.Consumer<T> load) {
        for (int i = 0; i < parts.size(); i++) {
            String at = pointer + "/" + i;
            try {
                load.accept(parts.get(i));
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(new InputProblem(at + (p.pointer().equals("/") ? "" : p.pointer()),
                        p.message())));
            } catch (IllegalArgumentException | NotFoundException e) {
                problems.add(new InputProblem(at, e.getMessage()));
            } catch (NullPointerException e) {
                problems.add(new InputProblem(at, "a required field is missing, or a list holds null"));
            }
        }
    }
}
