package io.crmflow.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a webhook URL must be, checked when a workflow is saved and again before each delivery
 * (the tenant's settings may have changed in between): absolute, https — plain http only for a
 * tenant that allows private targets — with a host and no credentials in it. At save time a host
 * that is itself an address (or {@code localhost}) is checked against {@link TargetAddresses}
 * too; names are resolved only when posting. Stateless; thread-safe.
 */
public final class WebhookTargets {
    private static final int LONGEST_URL = 2048;

    private WebhookTargets() {
    }

    /**
     * @return the URL to post to
     * @throws IllegalArgumentException with what is wrong, in words for the workflow's owner
     */
    public static URI uri(String url, boolean allowPrivateTargets) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("give the URL to post to (https://…)");
        }
        if (url.length() > LONGEST_URL) {
            throw new IllegalArgumentException("a webhook URL may be at most " + LONGEST_URL + " characters long");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("'" + url + "' is not an absolute https URL (https://host/path)");
        }
        if (scheme.equals("http") && !allowPrivateTargets) {
            throw new IllegalArgumentException("'" + url + "' is plain http; webhooks go over https unless the tenant "
                    + "allows private targets");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a webhook URL may not hold a user name or password; the receiver "
                    + "checks the signature header instead");
        }
        return uri;
    }

    /** What is wrong with {@code url} as a workflow's webhook target, if anything. */
    public static Optional<String> problem(String url, boolean allowPrivateTargets) {
        URI uri;
        try {
            uri = uri(url, allowPrivateTargets);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        return TargetAddresses.literal(uri.getHost()).flatMap(TargetAddresses::refusal)
                .map(why -> "'" + uri.getHost() + "': " + why + "; the tenant does not allow private targets");
    }
}
