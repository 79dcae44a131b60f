package io.crmflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmflow.definition.LeadAutomations;
import io.crmflow.definition.LeadEvent;
import io.crmflow.model.Activity;
import io.crmflow.model.ActivityType;
import io.crmflow.model.Association;
import io.crmflow.model.CrmEvent;
import io.crmflow.model.CrmRecord;
import io.crmflow.model.InputProblem;
import io.crmflow.model.InvalidInputException;
import io.crmflow.model.Origin;
import io.crmflow.model.Pipeline;
import io.crmflow.model.PipelineStage;
import io.crmflow.model.RecordRef;
import io.crmflow.model.StageChange;
import io.crmflow.store.TransactionalWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The default lead pipeline's templated automations (R-LEAD-1..6)")
class LeadAutomationTest {
    private static final String NEW = LeadAutomations.NEW;
    private static final String ATTEMPTING = LeadAutomations.ATTEMPTING;
    private static final String CONNECTED = LeadAutomations.CONNECTED;
    private static final String QUALIFIED = "qualified-stage-id";
    private static final String DISQUALIFIED = LeadAutomations.DISQUALIFIED;
    private final EngineHarness h = new EngineHarness().withTenant("acme");
    private final LeadAutomationService service = new LeadAutomationService(h.engine.ports());

    private void set(java.util.function.UnaryOperator<LeadAutomations> change) {
        service.update("acme", "lead-pipeline", change);
    }

    /** Each change a second after the one before, so the stage history reads in the order they were made. */
    private void tick() {
        h.now = h.now.plusSeconds(1);
    }

    private void contact(String id, Map<String, String> properties, Origin origin) {
        tick();
        h.engine.records().create("acme", "contact", id, properties, origin, h.now);
        h.pump();
    }

    private void update(String type, String id, Map<String, String> properties, Origin origin) {
        tick();
        h.engine.records().update("acme", type, id, properties, origin, h.now);
        h.pump();
    }

    /** A lead of the default pipeline in {@code stage}, associated with {@code contactId}. */
    private void lead(String id, String stage, String contactId) {
        tick();
        h.engine.records().create("acme", "lead", id, Map.of("hs_lead_name", id, "hs_pipeline", "lead-pipeline",
                "hs_pipeline_stage", stage), Origin.api(), h.now);
        if (contactId != null) {
            h.engine.records().associate("acme", new Association(new RecordRef("lead", id),
                    new RecordRef("contact", contactId), ""));
        }
        h.pump();
    }

    private CrmEvent.ActivityLogged activity(String type, String id, ActivityType activity, Activity.ActorKind actor,
                                             Map<String, String> attributes) {
        tick();
        CrmEvent.ActivityLogged event = h.engine.records().logActivity("acme", new RecordRef(type, id),
                new Activity(activity, new Activity.Actor(actor, actor == Activity.ActorKind.USER ? "u1" : id),
                        attributes), h.now, Origin.api());
        h.pump();
        return event;
    }

    private CrmRecord record(String type, String id) {
        return h.store.record("acme", new RecordRef(type, id)).orElseThrow();
    }

    private String stage(String leadId) {
        return record("lead", leadId).property("hs_pipeline_stage").orElse(null);
    }

    private List<CrmRecord> leadsOf(String contactId) {
        List<CrmRecord> leads = new ArrayList<>();
        h.store.view("acme", new RecordRef("contact", contactId)).orElseThrow().associations().stream()
                .filter(a -> a.to().objectType().equals("lead"))
                .forEach(a -> leads.add(record("lead", a.to().id())));
        return leads;
    }

    private List<StageChange> history(String leadId) {
        return h.store.view("acme", new RecordRef("lead", leadId)).orElseThrow().stageChanges();
    }

    @Nested
    @DisplayName("R-LEAD-1 a lead for a contact that reaches a chosen lifecycle stage")
    class CreateLead {
        CreateLead() {
            set(a -> new LeadAutomations(new LeadAutomations.CreateLead(true, List.of("salesqualifiedlead")),
                    a.followUpLead(), a.attempting(), a.connected()));
        }

        @Test
        void createdInTheStage_getsALeadAtNew_namedAfterIt_associatedBothWays_withItsOwner() {
            contact("c1", Map.of("firstname", "Ada", "lastname", "Lovelace", "hubspot_owner_id", "u7",
                    "lifecyclestage", "salesqualifiedlead"), Origin.api());

            assertThat(leadsOf("c1")).singleElement().satisfies(lead -> {
                assertThat(lead.properties()).containsEntry("hs_lead_name", "Ada Lovelace")
                        .containsEntry("hs_pipeline", "lead-pipeline").containsEntry("hs_pipeline_stage", NEW)
                        .containsEntry("hubspot_owner_id", "u7");
                assertThat(h.store.view("acme", lead.ref()).orElseThrow().associations())
                        .extracting(Association::to).containsExactly(new RecordRef("contact", "c1"));
                assertThat(history(lead.id())).extracting(StageChange::origin)
                        .containsOnly(Origin.leadAutomation("create-lead"));
            });
            assertThat(h.published).filteredOn(e -> e instanceof CrmEvent.RecordCreated
                    && e.record().objectType().equals("lead")).as("workflows hear of the new lead").hasSize(1);
        }

        @Test
        void changedToTheStage_getsALead_butAnotherStageDoesNot() {
            contact("c1", Map.of("email", "ada@example.com", "lifecyclestage", "lead"), Origin.api());
            assertThat(leadsOf("c1")).isEmpty();

            update("contact", "c1", Map.of("lifecyclestage", "salesqualifiedlead"), Origin.user("u1"));

            assertThat(leadsOf("c1")).singleElement()
                    .satisfies(lead -> assertThat(lead.properties()).containsEntry("hs_lead_name", "ada@example.com"));
        }

        @Test
        void createdInTheStage_andMovedOnBeforeTheEventIsHandled_stillGetsItsLead() {
            h.engine.records().create("acme", "contact", "c1", Map.of("lifecyclestage", "salesqualifiedlead"),
                    Origin.api(), h.now);
            tick();
            h.engine.records().update("acme", "contact", "c1", Map.of("lifecyclestage", "opportunity"), Origin.api(), h.now);

            h.pump();

            assertThat(leadsOf("c1")).hasSize(1);
        }

        @Test
        void notWhenTheChangeCameFromACompanyLifecycleStageSync() {
            contact("c1", Map.of("lifecyclestage", "lead"), Origin.api());

            update("contact", "c1", Map.of("lifecyclestage", "salesqualifiedlead"),
                    new Origin(Origin.Kind.LIFECYCLE_SYNC, "acme-inc"));

            assertThat(record("contact", "c1").property("lifecyclestage")).contains("salesqualifiedlead");
            assertThat(leadsOf("c1")).isEmpty();
        }

        @Test
        void aRedeliveredEvent_createsNothingMore() {
            contact("c1", Map.of("lifecyclestage", "lead"), Origin.api());
            h.engine.records().update("acme", "contact", "c1", Map.of("lifecyclestage", "salesqualifiedlead"),
                    Origin.api(), h.now);
            CrmEvent changed = h.events.peekLast();
            h.pump();

            h.events.add(changed);
            h.pump();

            assertThat(leadsOf("c1")).hasSize(1);
            assertThat(h.failures).isEmpty();
        }

        @Test
        void twoChosenStagesReachedInQuickSuccession_handledAtOnce_makeOneLead() {
            set(a -> new LeadAutomations(new LeadAutomations.CreateLead(true,
                    List.of("salesqualifiedlead", "opportunity")), a.followUpLead(), a.attempting(), a.connected()));
            contact("c1", Map.of("lifecyclestage", "lead"), Origin.api());
            h.engine.records().update("acme", "contact", "c1", Map.of("lifecyclestage", "salesqualifiedlead"),
                    Origin.api(), h.now);
            CrmEvent first = h.events.peekLast();
            tick();
            h.engine.records().update("acme", "contact", "c1", Map.of("lifecyclestage", "opportunity"),
                    Origin.api(), h.now);
            CrmEvent second = h.events.peekLast();
            h.events.clear();
            var other = new LeadCreation(h.engine.ports(), new NewLeads(h.engine.ports(), EngineSettings.DEFAULTS));
            int[] commits = {0};
            TransactionalWriter racing = writes -> {
                if (commits[0]++ == 0) { // the other handler reads and commits between this one's read and commit
                    other.onEvent(second, java.util.Optional.empty(), h.now);
                }
                h.store.commit(writes);
            };
            Ports ports = h.portsWith(racing);

            // As the trigger engine read it: the retry after the collision must read again to find the lead.
            var asRead = h.store.view("acme", first.record());
            new LeadCreation(ports, new NewLeads(ports, EngineSettings.DEFAULTS)).onEvent(first, asRead, h.now);

            assertThat(leadsOf("c1")).hasSize(1);
            assertThat(h.store.result("acme", LeadIds.contactLeadEffect(second.eventId())))
                    .as("the other handler made it").isPresent();
            assertThat(h.store.result("acme", LeadIds.contactLeadEffect(first.eventId())))
                    .as("this one collided, read again and found it open").isEmpty();
        }

        @Test
        void aRedeliveredEvent_afterItsLeadWasClosed_createsNoOther() {
            contact("c1", Map.of("lifecyclestage", "lead"), Origin.api());
            h.engine.records().update("acme", "contact", "c1", Map.of("lifecyclestage", "salesqualifiedlead"),
                    Origin.api(), h.now);
            CrmEvent changed = h.events.peekLast();
            h.pump();
            String leadId = leadsOf("c1").get(0).id();
            update("lead", leadId, Map.of("hs_pipeline_stage", QUALIFIED), Origin.api());

            h.events.add(changed);
            h.pump();

            assertThat(leadsOf("c1")).extracting(CrmRecord::id).containsExactly(leadId);
            assertThat(h.failures).isEmpty();
        }

        @Test
        void aContactWithAnOpenLead_getsNoOther_butOneWhoseLeadsAreClosedDoes() {
            contact("c1", Map.of("lifecyclestage", "lead"), Origin.api());
            lead("l-open", ATTEMPTING, "c1");
            update("contact", "c1", Map.of("lifecyclestage", "salesqualifiedlead"), Origin.api());
            assertThat(leadsOf("c1")).extracting(CrmRecord::id).containsExactly("l-open");

            update("lead", "l-open", Map.of("hs_pipeline_stage", QUALIFIED), Origin.api());
            update("contact", "c1", Map.of("lifecyclestage", "lead"), Origin.api());
            update("contact", "c1", Map.of("lifecyclestage", "salesqualifiedlead"), Origin.api());

            assertThat(leadsOf("c1")).hasSize(2);
        }

        @Test
        void switchedOff_createsNone() {
            set(a -> new LeadAutomations(new LeadAutomations.CreateLead(false, List.of("salesqualifiedlead")),
                    a.followUpLead(), a.attempting(), a.connected()));

            contact("c1", Map.of("lifecyclestage", "salesqualifiedlead"), Origin.api());

            assertThat(leadsOf("c1")).isEmpty();
        }
    }

    @Nested
    @DisplayName("R-LEAD-2 a follow-up lead for a lead disqualified with a chosen reason")
    class FollowUp {
        FollowUp() {
            set(a -> new LeadAutomations(a.createLead(), new LeadAutomations.FollowUpLead(true, "RE_ATTEMPTING",
                    List.of("timing", "budget")), a.attempting(), a.connected()));
            contact("c1", Map.of("firstname", "Ada"), Origin.api());
            lead("l1", CONNECTED, "c1");
        }

        @Test
        void disqualifiedWithAChosenReason_getsAFollowUpLeadOfTheChosenType_onTheSameContact() {
            update("lead", "l1", Map.of("hs_pipeline_stage", DISQUALIFIED, "hs_lead_disqualification_reason", "timing"),
                    Origin.user("u1"));

            assertThat(leadsOf("c1")).hasSize(2).filteredOn(l -> !l.id().equals("l1")).singleElement()
                    .satisfies(f -> assertThat(f.properties()).containsEntry("hs_lead_type", "RE_ATTEMPTING")
                            .containsEntry("hs_pipeline_stage", NEW).containsEntry("hs_lead_name", "l1"));
        }

        @Test
        void theReasonSetBefore_counts_andAnotherReasonDoesNot() {
            update("lead", "l1", Map.of("hs_lead_disqualification_reason", "budget"), Origin.api());
            update("lead", "l1", Map.of("hs_pipeline_stage", DISQUALIFIED), Origin.api());
            assertThat(leadsOf("c1")).hasSize(2);

            contact("c2", Map.of(), Origin.api());
            lead("l2", NEW, "c2");
            update("lead", "l2", Map.of("hs_pipeline_stage", DISQUALIFIED, "hs_lead_disqualification_reason", "no_fit"),
                    Origin.api());
            assertThat(leadsOf("c2")).extracting(CrmRecord::id).containsExactly("l2");
        }

        @Test
        void aChosenReasonSelectedAfterTheMoveToDisqualified_getsAFollowUp() {
            update("lead", "l1", Map.of("hs_pipeline_stage", DISQUALIFIED), Origin.user("u1"));
            assertThat(leadsOf("c1")).as("no reason yet").hasSize(1);

            update("lead", "l1", Map.of("hs_lead_disqualification_reason", "timing"), Origin.user("u1"));

            assertThat(leadsOf("c1")).hasSize(2);
        }

        @Test
        void aReasonChosenOnALeadNotDisqualified_makesNone() {
            update("lead", "l1", Map.of("hs_lead_disqualification_reason", "timing"), Origin.user("u1"));

            assertThat(leadsOf("c1")).hasSize(1);
        }

        @Test
        void oneDisqualification_whoseReasonChangesAgain_getsOneFollowUp_butADisqualificationLaterGetsAnother() {
            update("lead", "l1", Map.of("hs_pipeline_stage", DISQUALIFIED, "hs_lead_disqualification_reason", "timing"),
                    Origin.user("u1"));
            update("lead", "l1", Map.of("hs_lead_disqualification_reason", "budget"), Origin.user("u1"));
            assertThat(leadsOf("c1")).hasSize(2);

            update("lead", "l1", Map.of("hs_pipeline_stage", CONNECTED), Origin.api());
            update("lead", "l1", Map.of("hs_pipeline_stage", DISQUALIFIED), Origin.api());

            assertThat(leadsOf("c1")).hasSize(3);
        }

        @Test
        void theMoveAndAReasonChosenRightAfter_handledTogether_makeOneFollowUp() {
            h.engine.records().update("acme", "lead", "l1", Map.of("hs_pipeline_stage", DISQUALIFIED), Origin.api(), h.now);
            tick();
            h.engine.records().update("acme", "lead", "l1", Map.of("hs_lead_disqualification_reason", "timing"),
                    Origin.api(), h.now);

            h.pump(); // the move's event now reads the reason chosen since, and so does the reason's

            assertThat(leadsOf("c1")).hasSize(2);
            assertThat(h.failures).isEmpty();
        }

        @Test
        void aFollowUpWhoseCommitMetAnotherAtTheSameMoment_isTriedAgain_notDropped() {
            h.engine.records().update("acme", "lead", "l1", Map.of("hs_pipeline_stage", DISQUALIFIED,
                    "hs_lead_disqualification_reason", "timing"), Origin.api(), h.now);
            CrmEvent disqualified = h.events.peekLast();
            h.events.clear();
            TransactionalWriter contended = writes -> {
                throw new io.crmflow.store.WriteContentionException("another transaction on the same items");
            };
            Ports ports = h.portsWith(contended);
            var automation = new LeadFollowUp(ports, new NewLeads(ports, EngineSettings.DEFAULTS));

            assertThatThrownBy(() -> automation.onEvent(disqualified, java.util.Optional.empty(), h.now))
                    .as("the queue delivers the event again").isInstanceOf(ConcurrentChangeException.class);
            h.events.add(disqualified);
            h.pump();

            assertThat(leadsOf("c1")).hasSize(2);
        }

        @Test
        void aLeadWithMoreAssociationsThanOneCommitHolds_getsAFollowUpOnTheFirstFortyContacts() {
            RecordRef l1 = new RecordRef("lead", "l1");
            for (int i = 0; i < 5; i++) {
                h.engine.records().create("acme", "company", "co-" + i, Map.of(), Origin.api(), h.now);
                h.engine.records().associate("acme", new Association(l1, new RecordRef("company", "co-" + i), ""));
            }
            for (int i = 0; i < 44; i++) {
                h.engine.records().create("acme", "contact", String.format("c-%02d", i), Map.of(), Origin.api(), h.now);
                h.engine.records().associate("acme", new Association(l1,
                        new RecordRef("contact", String.format("c-%02d", i)), ""));
            }
            h.pump();

            update("lead", "l1", Map.of("hs_pipeline_stage", DISQUALIFIED, "hs_lead_disqualification_reason", "timing"),
                    Origin.user("u1"));

            assertThat(h.failures).isEmpty();
            assertThat(leadsOf("c-00")).hasSize(2).filteredOn(l -> !l.id().equals("l1")).singleElement()
                    .satisfies(f -> assertThat(h.store.view("acme", f.ref()).orElseThrow().associations())
                            .extracting(a -> a.to().objectType()).hasSize(RecordActions.MOST_ASSOCIATED)
                            .containsOnly("contact"));
        }

        @Test
        void aRedeliveredEvent_createsOneFollowUp() {
            h.engine.records().update("acme", "lead", "l1", Map.of("hs_pipeline_stage", DISQUALIFIED,
                    "hs_lead_disqualification_reason", "timing"), Origin.api(), h.now);
            CrmEvent changed = h.events.peekLast();
            h.pump();
            h.events.add(changed);
            h.pump();

            assertThat(leadsOf("c1")).hasSize(2);
        }
    }

    @Nested
    @DisplayName("R-LEAD-3 outreach by a user moves a lead to Attempting")
    class Attempting {
        @Test
        void anEmailSentByAUser_onTheContact_movesItsLeadsInTheDefaultPipeline_once() {
            contact("c1", Map.of(), Origin.api());
            lead("l1", NEW, "c1");
            h.engine.definitions().putPipeline("acme", new Pipeline("partners", "lead", "Partners",
                    List.of(new PipelineStage(NEW, "New", true), new PipelineStage(ATTEMPTING, "Attempting", true))));
            h.engine.records().create("acme", "lead", "l-custom", Map.of("hs_pipeline", "partners",
                    "hs_pipeline_stage", NEW), Origin.api(), h.now);
            h.engine.records().associate("acme", new Association(new RecordRef("lead", "l-custom"),
                    new RecordRef("contact", "c1"), ""));

            CrmEvent sent = activity("contact", "c1", ActivityType.EMAIL_SENT, Activity.ActorKind.USER, Map.of());
            h.events.add(sent);
            h.pump();

            assertThat(stage("l1")).isEqualTo(ATTEMPTING);
            assertThat(stage("l-custom")).as("custom pipelines use stage automation (R-LEAD-6)").isEqualTo(NEW);
            assertThat(history("l1")).last().satisfies(c -> {
                assertThat(c.from()).isEqualTo(NEW);
                assertThat(c.to()).isEqualTo(ATTEMPTING);
                assertThat(c.origin()).isEqualTo(Origin.leadAutomation("attempting"));
            });
            assertThat(history("l1")).as("the redelivered event moved nothing").hasSize(3);
            assertThat(h.published).filteredOn(e -> e instanceof CrmEvent.PropertiesChanged
                    && e.origin().equals(Origin.leadAutomation("attempting"))).hasSize(1);
        }

        @Test
        void eachOutreachEvent_moves_butNotOneTheContactMadeNorALeadFurtherOn() {
            for (ActivityType outreach : List.of(ActivityType.EMAIL_SENT, ActivityType.LINKEDIN_MESSAGE_SENT,
                    ActivityType.CALL_LOGGED, ActivityType.MEETING_BOOKED)) {
                String id = "l-" + outreach.wireName();
                lead(id, NEW, null);
                activity("lead", id, outreach, Activity.ActorKind.USER, Map.of());
                assertThat(stage(id)).as(outreach.wireName()).isEqualTo(ATTEMPTING);
            }
            lead("l-contact", NEW, null);
            activity("lead", "l-contact", ActivityType.EMAIL_SENT, Activity.ActorKind.RECORD, Map.of());
            lead("l-connected", CONNECTED, null);
            activity("lead", "l-connected", ActivityType.CALL_LOGGED, Activity.ActorKind.USER, Map.of());

            assertThat(stage("l-contact")).isEqualTo(NEW);
            assertThat(stage("l-connected")).as("only forward").isEqualTo(CONNECTED);
        }

        @Test
        void configured_fromStagesAndEvents_andSwitchedOff() {
            set(a -> new LeadAutomations(a.createLead(), a.followUpLead(), new LeadAutomations.Progression(true,
                    List.of(NEW), CONNECTED, List.of(LeadEvent.MEETING_BOOKED)), a.connected()));
            lead("l1", NEW, null);
            lead("l2", NEW, null);
            activity("lead", "l1", ActivityType.EMAIL_SENT, Activity.ActorKind.USER, Map.of());
            activity("lead", "l2", ActivityType.MEETING_BOOKED, Activity.ActorKind.USER, Map.of());
            assertThat(stage("l1")).isEqualTo(NEW);
            assertThat(stage("l2")).isEqualTo(CONNECTED);

            set(a -> new LeadAutomations(a.createLead(), a.followUpLead(), new LeadAutomations.Progression(false,
                    List.of(NEW), CONNECTED, List.of(LeadEvent.MEETING_BOOKED)), a.connected()));
            activity("lead", "l1", ActivityType.MEETING_BOOKED, Activity.ActorKind.USER, Map.of());
            assertThat(stage("l1")).isEqualTo(NEW);
        }
    }

    @Nested
    @DisplayName("R-LEAD-4 engagement moves a lead to Connected")
    class Connected {
        @Test
        void aReply_aCompletedMeeting_andACallLoggedAsConnected_eachMoveIt_evenFromNew() {
            lead("l-reply", ATTEMPTING, null);
            lead("l-meeting", ATTEMPTING, null);
            lead("l-call", NEW, null);
            lead("l-noshow", ATTEMPTING, null);
            activity("lead", "l-reply", ActivityType.EMAIL_REPLIED, Activity.ActorKind.RECORD, Map.of());
            activity("lead", "l-meeting", ActivityType.MEETING_OUTCOME_SET, Activity.ActorKind.USER,
                    Map.of("outcome", "completed"));
            activity("lead", "l-call", ActivityType.CALL_LOGGED, Activity.ActorKind.USER, Map.of("outcome", "connected"));
            activity("lead", "l-noshow", ActivityType.MEETING_OUTCOME_SET, Activity.ActorKind.USER,
                    Map.of("outcome", "no_show"));

            assertThat(stage("l-reply")).isEqualTo(CONNECTED);
            assertThat(stage("l-meeting")).isEqualTo(CONNECTED);
            assertThat(stage("l-call")).as("the connected call wins over the call logged").isEqualTo(CONNECTED);
            assertThat(history("l-call")).last().extracting(StageChange::origin)
                    .isEqualTo(Origin.leadAutomation("connected"));
            assertThat(stage("l-noshow")).isEqualTo(ATTEMPTING);
        }
    }

    @Nested
    @DisplayName("R-LEAD-5 a lead moved back by hand is never advanced automatically again")
    class MovedBack {
        @Test
        void movedBackToNewByAUser_aLaterConnectedCallLeavesItThere() {
            lead("l1", NEW, null);
            activity("lead", "l1", ActivityType.EMAIL_REPLIED, Activity.ActorKind.RECORD, Map.of());
            assertThat(stage("l1")).isEqualTo(CONNECTED);

            update("lead", "l1", Map.of("hs_pipeline_stage", NEW), Origin.user("u1"));
            activity("lead", "l1", ActivityType.CALL_LOGGED, Activity.ActorKind.USER, Map.of("outcome", "connected"));

            assertThat(stage("l1")).isEqualTo(NEW);
        }

        @Test
        void movedBackByTheApiOrMovedForwardByHand_isStillAdvanced() {
            lead("l-api", ATTEMPTING, null);
            update("lead", "l-api", Map.of("hs_pipeline_stage", NEW), Origin.api());
            lead("l-user", NEW, null);
            update("lead", "l-user", Map.of("hs_pipeline_stage", ATTEMPTING), Origin.user("u1"));

            activity("lead", "l-api", ActivityType.EMAIL_REPLIED, Activity.ActorKind.RECORD, Map.of());
            activity("lead", "l-user", ActivityType.EMAIL_REPLIED, Activity.ActorKind.RECORD, Map.of());

            assertThat(stage("l-api")).isEqualTo(CONNECTED);
            assertThat(stage("l-user")).isEqualTo(CONNECTED);
        }
    }

    @Nested
    @DisplayName("R-LEAD-6 settings: the default lead pipeline only, each automation on its own, checked when saved")
    class Settings {
        @Test
        void defaults_progressionsOn_creationsOff() {
            LeadAutomations a = service.automations("acme", "lead-pipeline");

            assertThat(a).isEqualTo(LeadAutomations.DEFAULTS);
            assertThat(a.attempting().enabled()).isTrue();
            assertThat(a.attempting().from()).containsExactly(NEW);
            assertThat(a.connected().from()).containsExactly(NEW, ATTEMPTING);
            assertThat(a.createLead().enabled()).isFalse();
            assertThat(a.followUpLead().enabled()).isFalse();
        }

        @Test
        void twoSavesOfDifferentAutomationsAtOnce_bothCount() {
            int[] commits = {0};
            TransactionalWriter racing = writes -> {
                if (commits[0]++ == 0) { // another person saves between this save's read and its commit
                    set(a -> new LeadAutomations(a.createLead(), a.followUpLead(), new LeadAutomations.Progression(
                            false, a.attempting().from(), a.attempting().to(), a.attempting().events()), a.connected()));
                }
                h.store.commit(writes);
            };
            var racingService = new LeadAutomationService(h.portsWith(racing));

            racingService.update("acme", "lead-pipeline", a -> new LeadAutomations(
                    new LeadAutomations.CreateLead(true, List.of("opportunity")), a.followUpLead(), a.attempting(),
                    a.connected()));

            LeadAutomations saved = service.automations("acme", "lead-pipeline");
            assertThat(saved.createLead().enabled()).isTrue();
            assertThat(saved.attempting().enabled()).as("the other save is kept").isFalse();
            assertThat(saved.version()).isEqualTo(2);
        }

        @Test
        void aCustomLeadPipeline_isRefused_andAnUnknownOneIsNotFound() {
            h.engine.definitions().putPipeline("acme", new Pipeline("partners", "lead", "Partners",
                    List.of(new PipelineStage("p-new", "New", true))));

            assertThatThrownBy(() -> service.update("acme", "partners", a -> a))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(p -> {
                                assertThat(p.pointer()).isEqualTo("/path/pipelineId");
                                assertThat(p.message()).contains("custom lead pipeline", "stage automation");
                            }));
            assertThatThrownBy(() -> service.automations("acme", "nope"))
                    .isInstanceOf(io.crmflow.model.NotFoundException.class);
        }

        @Test
        void unknownStages_eventsOfTheOtherProgression_andUnknownLifecycleStages_areRefusedWithPointers_andNothingIsSaved() {
            assertThatThrownBy(() -> set(a -> new LeadAutomations(
                    new LeadAutomations.CreateLead(true, List.of("lead", "hot")),
                    new LeadAutomations.FollowUpLead(true, "", List.of()),
                    new LeadAutomations.Progression(true, List.of(NEW, "nowhere", CONNECTED), ATTEMPTING,
                            List.of(LeadEvent.EMAIL_SENT, LeadEvent.EMAIL_REPLIED)),
                    new LeadAutomations.Progression(true, List.of(), "won", List.of()))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(InputProblem::pointer).containsExactly(
                                    "/createLead/lifecycleStages/1",
                                    "/followUpLead/leadType",
                                    "/followUpLead/disqualificationReasons",
                                    "/attempting/from/1",
                                    "/attempting/from/2",
                                    "/attempting/events/1",
                                    "/connected/to",
                                    "/connected/from",
                                    "/connected/events"));
            assertThat(service.automations("acme", "lead-pipeline")).isEqualTo(LeadAutomations.DEFAULTS);
        }
    }
}
