package io.sheetingest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Says at start-up how bearer tokens are verified, so that a 401 storm can be matched against the settings. With
 * neither a provider nor a public key configured quarkus-oidc stops start-up before this runs, with
 * {@code 'quarkus.oidc.auth-server-url' property must be configured}.
 */
@ApplicationScoped
public class TokenVerifierLog {

    private static final Logger LOG = Logger.getLogger(TokenVerifierLog.class);

    void report(@Observes StartupEvent event, SecurityConfig config) {
        String issuer = config.issuer()
                .orElse(config.authServerUrl().isPresent() ? "(discovered)" : "(not checked)");
        LOG.infof("bearer tokens verified with %s: issuer=%s audience=%s role_claim=%s",
                config.authServerUrl().map(url -> "provider " + url).orElse("a configured public key"),
                issuer,
                config.audience().map(Object::toString).orElse("(not checked)"),
                config.roleClaimPath());
    }
}
