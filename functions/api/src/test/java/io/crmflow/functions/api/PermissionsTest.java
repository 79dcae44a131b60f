package io.crmflow.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    @Test
    @DisplayName("R-PIPE-2 an agent comments on a stage's action as on any workflow's: the stage's workflow is one")
    void commentingOnAnAction_needsTheSameRole_whicheverRouteNamesIt() {
        Role onWorkflow = Permissions.required("POST", "/workflows/{id}/actions/{actionId}/comments");
        Role onStage = Permissions.required("POST",
                "/pipelines/{type}/{pipelineId}/stages/{stageId}/actions/{actionId}/comments");

        assertThat(onStage).isEqualTo(onWorkflow).isEqualTo(Role.AGENT);
    }

    @Test
    @DisplayName("R-PIPE-2 changing a stage's actions still needs an admin")
    void changingAStagesActions_needsAnAdmin() {
        assertThat(Permissions.required("POST", "/pipelines/{type}/{pipelineId}/stages/{stageId}/actions"))
                .isEqualTo(Role.ADMIN);
    }

    @Test
    @DisplayName("R-RUN-6 every route the permissions name is one the API registers: a renamed route leaves no stale grant")
    void everyRouteNamedByThePermissions_isRegistered() {
        assertThat(ApiDocumentTest.routes()).containsAll(Permissions.namedRoutes());
    }
}
