package io.crmflow.engine;

import io.crmflow.model.WebhookSettings;
import io.crmflow.outbound.WebhookPost;
import io.crmflow.outbound.WebhookResult;

/**
 * Makes a step's webhook effect: reads the tenant's webhook settings and, from the secret store,
 * the signing secret they reference — it stays out of the decision and the history — posts
 * through the {@code Webhooks} port, and turns its answer into the result the effect ledger
 * keeps. Stateless.
 */
final class WebhookDelivery {
    private WebhookDelivery() {
    }

    /**
     * @return "delivered: HTTP 200, 1 attempt"
     * @throws EffectRefusedException when it was not delivered, with why
     */
    static String deliver(Ports ports, OutsideEffect.Webhook hook) {
        String tenantId = hook.payload().tenantId();
        WebhookSettings settings = ports.definitions().webhookSettings(tenantId).orElse(WebhookSettings.NONE);
        if (!settings.hasSecret()) {
            throw new EffectRefusedException("the tenant has no webhook signing secret (set one with PATCH "
                    + "/settings/webhooks)");
        }
        String secret = SigningSecrets.read(ports.secrets(), settings).orElseThrow(() -> new EffectRefusedException(
                "the tenant's webhook signing secret is missing from the secret store (set it again with PATCH "
                        + "/settings/webhooks)"));
        WebhookResult result = ports.webhooks().post(new WebhookPost(hook.url(), hook.payload(), secret,
                settings.allowPrivateTargets()));
        if (result instanceof WebhookResult.Delivered delivered) {
            return "delivered: HTTP " + delivered.status() + ", " + attempts(delivered.attempts());
        }
        throw new EffectRefusedException(((WebhookResult.NotDelivered) result).reason());
    }

    private static String attempts(int n) {
        return n + (n == 1 ? " attempt" : " attempts");
    }
}
