package io.crmflow.store;

/**
 * A record's place in one workflow: its latest enrollment, how many it has had, and whether that
 * one is still under way. At most one is live at a time (R-WF-3); re-enrollment claims the
 * slot only while it is not live, and only at the count it read, so two handlers racing on one
 * record cannot both enroll it.
 */
public record EnrollmentSlot(String enrollmentId, int count, boolean live) {
}
