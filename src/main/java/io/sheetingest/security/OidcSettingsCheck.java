package io.sheetingest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Stops start-up when no way to verify tokens is configured. quarkus-oidc would start anyway and answer every
 * API request with 401, which looks like an outage of the identity provider rather than a missing setting.
 */
@ApplicationScoped
public class OidcSettingsCheck {

    private static final Logger LOG = Logger.getLogger(OidcSettingsCheck.class);

    void verify(@Observes StartupEvent event, SecurityConfig config) {
        requireVerifier(config);
        LOG.infof("bearer tokens verified with %s: issuer=%s audience=%s role_claim=%s",
                config.authServerUrl().map(url -> "provider " + url).orElse("a configured public key"),
                config.issuer().orElse("(provider's)"),
                config.audience().map(Object::toString).orElse("(not checked)"),
                config.roleClaimPath());
    }

    /**
     * @throws IllegalStateException naming the variables to set when neither a provider nor a public key is given
     */
    static void requireVerifier(SecurityConfig config) {
        if (config.authServerUrl().isEmpty() && config.publicKey().isEmpty()) {
            throw new IllegalStateException("No token verification configured: set OIDC_AUTH_SERVER_URL to the "
                    + "identity provider's URL, or OIDC_PUBLIC_KEY to the base64 RSA public key that signs tokens "
                    + "(see docs/security.md)");
        }
    }
}
