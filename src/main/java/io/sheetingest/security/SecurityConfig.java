package io.sheetingest.security;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How bearer tokens are verified. application.properties hands these values to {@code quarkus.oidc.*}; this
 * mapping gives each setting one documented name and lets {@link TokenVerifierLog} report them at start-up.
 */
@ConfigMapping(prefix = "sheet-ingest.security")
public interface SecurityConfig {

    /**
     * Base URL of the OpenID Connect provider (for Keycloak {@code https://host/realms/<realm>}); its keys and
     * issuer are discovered from {@code .well-known/openid-configuration}. Env {@code OIDC_AUTH_SERVER_URL}.
     * No default.
     */
    Optional<String> authServerUrl();

    /**
     * Base64-encoded RSA public key (the PEM body without its header lines) that verifies token signatures
     * without any provider. Env {@code OIDC_PUBLIC_KEY}. No default; the dev and test profiles set their own.
     */
    Optional<String> publicKey();

    /**
     * Required {@code iss} claim. Env {@code OIDC_ISSUER}. Default: the discovered issuer with a provider,
     * not checked with a public key.
     */
    Optional<String> issuer();

    /** Accepted {@code aud} values; a token must name one of them. Env {@code OIDC_AUDIENCE}. Default: not checked. */
    Optional<List<String>> audience();

    /**
     * Path of the claim that holds the roles, segments separated by {@code /}: {@code groups},
     * {@code roles}, {@code realm_access/roles} (Keycloak realm roles). Env {@code OIDC_ROLE_CLAIM_PATH}.
     * Default {@code groups}.
     */
    @WithDefault("groups")
    String roleClaimPath();
}
