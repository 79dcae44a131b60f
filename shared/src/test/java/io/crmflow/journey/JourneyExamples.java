package io.crmflow.journey;

import io.crmflow.definition.CrmList;
import io.crmflow.json.Json;
import io.crmflow.model.ListKind;
import io.crmflow.model.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The complete journey docs/journeys.md shows, as the API takes it, and the lists it names: the
 * one journey the tests start from and change, so the documented example is the tested one.
 */
public final class JourneyExamples {
    private static final Path DOC = Path.of("docs", "journeys.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    /**
     * Four stages, every kind of action at least once (a go-to back to an earlier stage among
     * them), a goal end and an unsuccessful one, and unenrollment options; its notification
     * reaches the user {@code ana}.
     */
    public static final String NURTURE = documented();

    private JourneyExamples() {
    }

    public static JourneyDefinition nurture() {
        return Json.read(NURTURE, JourneyDefinition.class);
    }

    /** The lists {@link #NURTURE} names, plus a second list to enroll from. */
    public static List<CrmList> lists() {
        return List.of(new CrmList("newsletter", "Newsletter", "contact", ListKind.STATIC, null),
                new CrmList("webinar", "Webinar", "contact", ListKind.STATIC, null),
                new CrmList("customers", "Customers", "contact", ListKind.STATIC, null),
                new CrmList("unsubscribed", "Unsubscribed", "contact", ListKind.STATIC, null));
    }

    /** The users {@link #NURTURE} names. */
    public static List<User> users() {
        return List.of(new User("ana", "ana@example.com", "Ana"));
    }

    /** The one journey docs/journeys.md shows, found from the module's directory upward. */
    private static String documented() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(DOC))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(DOC + " not found above " + Path.of("").toAbsolutePath());
        }
        try {
            Matcher m = JSON_BLOCK.matcher(Files.readString(dir.resolve(DOC)));
            if (!m.find()) {
                throw new IllegalStateException(DOC + " shows no journey");
            }
            String journey = m.group(1);
            if (m.find()) {
                throw new IllegalStateException(DOC + " shows more than one journey; it shows the complete one");
            }
            return journey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same journey with its stages replaced. */
    public static JourneyDefinition withStages(JourneyDefinition d, List<Stage> stages) {
        return new JourneyDefinition(d.name(), d.property(), d.eligibilityLists(), d.enrollEmpty(), stages, d.ends(),
                d.unenrollment());
    }

    public static JourneyDefinition withLists(JourneyDefinition d, List<String> lists) {
        return new JourneyDefinition(d.name(), d.property(), lists, d.enrollEmpty(), d.stages(), d.ends(),
                d.unenrollment());
    }

    public static JourneyDefinition renamed(JourneyDefinition d, String name) {
        return new JourneyDefinition(name, d.property(), d.eligibilityLists(), d.enrollEmpty(), d.stages(), d.ends(),
                d.unenrollment());
    }
}
