package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmflow.definition.Action;
import io.crmflow.definition.EmailTemplate;
import io.crmflow.definition.EnrollmentTrigger;
import io.crmflow.definition.WorkflowDefinition;
import io.crmflow.filter.Filter;
import io.crmflow.filter.Filters;
import io.crmflow.filter.Schemas;
import io.crmflow.model.InputProblem;
import io.crmflow.model.ObjectType;
import io.crmflow.model.StandardObjectTypes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R-FLT-3 workflows are checked when saved, every problem pointed at")
class WorkflowValidatorTest {
    private static final Schemas STANDARD = new Schemas() {
        @Override
        public Optional<ObjectType> objectType(String name) {
            return StandardObjectTypes.byName(name);
        }

        @Override
        public boolean listExists(String listId) {
            return false;
        }

        @Override
        public boolean workflowExists(String workflowId) {
            return "other".equals(workflowId);
        }
    };

    private static List<InputProblem> validate(String objectType, EnrollmentTrigger trigger, String first, Action... actions) {
        return WorkflowValidator.validate(new WorkflowDefinition("acme", "wf", null, objectType, 0, true, trigger, first,
                List.of(actions)), STANDARD);
    }

    @Test
    void validate_soundWorkflow_hasNoProblems() {
        assertThat(validate("contact", EnrollmentTrigger.MANUAL, "a",
                new Action.SetProperty("a", "jobtitle", "CEO", "b"), new Action.Delay("b", Duration.ofHours(1), null))).isEmpty();
    }

    @Test
    void validate_unknownObjectType_isReportedAtObjectType() {
        assertThat(validate("spaceship", EnrollmentTrigger.MANUAL, null)).extracting(InputProblem::pointer)
                .containsExactly("/objectType");
    }

    @Test
    void validate_everyBrokenNode_isReportedWithItsPointer() {
        var problems = validate("contact",
                new EnrollmentTrigger(Filter.anyOf(Filters.allOf(Filters.where("shoesize").equalTo("42")))), "a",
                new Action.SetProperty("a", "hs_marketable_status", "perhaps", "b"),
                new Action.Delay("b", Duration.ZERO, "nowhere"),
                new Action.SendEmail("c", null, "not-an-address", "", "", null));
        assertThat(problems).extracting(InputProblem::pointer).contains(
                "/trigger/criteria/groups/0/conditions/0/property", "/actions/0/value", "/actions/1/duration",
                "/actions/1/next", "/actions/2/kind", "/actions/2/from", "/actions/2/subject", "/actions/2/body",
                "/actions/2");
    }

    @Test
    void validate_sendersOfTemplateAndOwnTextEmails_areCheckedOnceEach() {
        var problems = validate("ticket", EnrollmentTrigger.MANUAL, "a",
                new Action.SendEmail("a", Action.EmailKind.TRANSACTIONAL, "support at acme", null, null, "b",
                        EmailTemplate.TICKET_RECEIVED),
                new Action.SendEmail("b", Action.EmailKind.TRANSACTIONAL, "help@", "Hello", "Hi", null));
        assertThat(problems).extracting(InputProblem::pointer).containsExactly("/actions/0/from", "/actions/1/from");
    }

    @Test
    void validate_loopOfActions_isRefused() {
        var problems = validate("contact", EnrollmentTrigger.MANUAL, "a",
                new Action.SetProperty("a", "jobtitle", "x", "b"), new Action.SetProperty("b", "jobtitle", "y", "a"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("never end"));
    }

    @Test
    void validate_missingFirstAction_andDuplicateIds_areReported() {
        assertThat(validate("contact", EnrollmentTrigger.MANUAL, "zz", new Action.SetProperty("a", "jobtitle", "x", null)))
                .extracting(InputProblem::pointer).containsExactly("/firstActionId");
        assertThat(validate("contact", EnrollmentTrigger.MANUAL, "a", new Action.SetProperty("a", "jobtitle", "x", null),
                new Action.SetProperty("a", "jobtitle", "y", null))).extracting(InputProblem::pointer).contains("/actions/1/id");
    }

    @Test
    void validate_newerActions_pointAtWhatIsMissing() {
        var problems = validate("contact", EnrollmentTrigger.MANUAL, "a",
                new Action.CopyProperty("a", "shoesize", "jobtitle", "b"),
                new Action.ClearProperty("b", "nothing", "c"),
                new Action.DelayUntilDate("c", null, null, "d"),
                new Action.DelayUntilProperty("d", "firstname", null, null, "e"),
                new Action.DelayUntilDayAndTime("e", java.util.Set.of(), null, "f"),
                new Action.AddToList("f", "ghost-list", "g"),
                new Action.GoTo("g", null));
        assertThat(problems).extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                "/actions/0/from", "/actions/1/property", "/actions/2/date", "/actions/3/property",
                "/actions/4/time", "/actions/5/listId", "/actions/6/next");
    }

    @Test
    @DisplayName("R-WF-6 a window that closes before it opens is refused")
    void validate_executionWindowClosingBeforeItOpens_isRefused() {
        var wf = new WorkflowDefinition("acme", "wf", null, "contact", 0, true, EnrollmentTrigger.MANUAL, null, List.of(),
                new io.crmflow.definition.ExecutionWindow(java.util.Set.of(), java.time.LocalTime.of(17, 0),
                        java.time.LocalTime.of(9, 0)));
        assertThat(WorkflowValidator.validate(wf, STANDARD)).extracting(InputProblem::pointer).containsExactly("/window/until");
    }
}
