package io.sheetingest.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OidcSettingsCheckTests {

    @Test
    void refusesToStartWithoutProviderOrPublicKey() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> OidcSettingsCheck.requireVerifier(settings(null, null)));

        assertTrue(failure.getMessage().contains("OIDC_AUTH_SERVER_URL")
                && failure.getMessage().contains("OIDC_PUBLIC_KEY"), "names both variables: " + failure.getMessage());
    }

    @Test
    void startsWithAProviderAlone() {
        assertDoesNotThrow(() -> OidcSettingsCheck.requireVerifier(
                settings("http://localhost:8180/realms/sheet-ingest", null)));
    }

    @Test
    void startsWithAPublicKeyAlone() {
        assertDoesNotThrow(() -> OidcSettingsCheck.requireVerifier(settings(null, "MIIBIjANBg")));
    }

    private static SecurityConfig settings(String authServerUrl, String publicKey) {
        return new SecurityConfig() {
            @Override
            public Optional<String> authServerUrl() {
                return Optional.ofNullable(authServerUrl);
            }

            @Override
            public Optional<String> publicKey() {
                return Optional.ofNullable(publicKey);
            }

            @Override
            public Optional<String> issuer() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> audience() {
                return Optional.empty();
            }

            @Override
            public String roleClaimPath() {
                return "groups";
            }
        };
    }
}
