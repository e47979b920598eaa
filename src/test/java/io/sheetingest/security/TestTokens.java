package io.sheetingest.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints the bearer tokens tests send. They are signed with {@code security/test-signing-key.pem}, whose public half
 * is the test profile's {@code sheet-ingest.security.public-key}, so quarkus-oidc verifies them for real.
 */
public final class TestTokens {

    /** The test profile's {@code sheet-ingest.security.issuer}. */
    public static final String ISSUER = "urn:sheet-ingest:test";

    /** The test profile's {@code sheet-ingest.security.audience}. */
    public static final String AUDIENCE = "sheet-ingest";

    private static final PrivateKey SIGNING_KEY = privateKey("security/test-signing-key.pem");
    private static final long LIFETIME_SECONDS = 3600;
    private static final Map<Set<String>, String> CACHE = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** A valid token carrying these roles; reused while it lives, since signing costs a millisecond or two. */
    public static String withRoles(String... roles) {
        Set<String> key = new TreeSet<>(Set.of(roles));
        return CACHE.computeIfAbsent(key, groups -> sign(claims(groups)));
    }

    /** Claims of a valid token, to be altered by a test before {@link #sign(JwtClaimsBuilder)}. */
    public static JwtClaimsBuilder claims(Set<String> roles) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("tester")
                .groups(roles)
                .issuedAt(now)
                .expiresAt(now + LIFETIME_SECONDS);
    }

    /** Signs with the key the test profile trusts. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test").sign(SIGNING_KEY);
    }

    /** Loads a PKCS#8 PEM private key from the test class path. */
    public static PrivateKey privateKey(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
