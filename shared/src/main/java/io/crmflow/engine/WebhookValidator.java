package io.crmflow.engine;

import io.crmflow.definition.Action;
import io.crmflow.model.InputProblem;
import io.crmflow.model.WebhookSettings;
import io.crmflow.outbound.WebhookTargets;
import java.util.List;

/**
 * Checks a webhook action when its workflow is saved: the one action whose rules depend on the
 * tenant's settings — plain http and private targets only for a tenant that allows them, and a
 * signing secret set before anything can be signed. Stateless.
 */
final class WebhookValidator {
    private WebhookValidator() {
    }

    /**
     * @param settings the tenant's webhook settings; null when the definition is checked apart
     *                 from any tenant (the documented examples), which checks the URL as for a
     *                 tenant that allows no private targets and leaves the secret unchecked
     */
    static void check(Action.Webhook hook, String at, WebhookSettings settings, List<InputProblem> problems) {
        boolean allowPrivate = settings != null && settings.allowPrivateTargets();
        WebhookTargets.problem(hook.url(), allowPrivate).ifPresent(p -> problems.add(new InputProblem(at + "/url", p)));
        if (settings != null && !settings.hasSecret()) {
            problems.add(new InputProblem(at, "webhooks are signed with the tenant's signing secret, and none is set: "
                    + "set one with PATCH /settings/webhooks first"));
        }
    }
}
