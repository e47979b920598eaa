package io.sheetingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The one-command dev token is signed with the key the dev profile trusts and carries what the dev profile checks. */
class DevTokenScriptTests {

    private static final Pattern DEFAULT_VALUE = Pattern.compile("\\$\\{[A-Z_]+:(.*)}");

    @Test
    void mintsATokenTheDevProfileVerifies() throws Exception {
        String[] parts = run("scripts/dev-token.sh", "admin").split("\\.");
        Properties config = applicationProperties();

        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey(devDefault(config, "%dev.sheet-ingest.security.public-key")));
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "signature checks out with the dev public key");

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String issuer = devDefault(config, "%dev.sheet-ingest.security.issuer");
        String audience = devDefault(config, "%dev.sheet-ingest.security.audience");
        assertTrue(claims.contains("\"iss\":\"" + issuer + "\""), claims);
        assertTrue(claims.contains("\"aud\":\"" + audience + "\""), claims);
        assertTrue(claims.contains("\"groups\":[\"admin\"]"), claims);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "script finished");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** The value a property falls back to when its environment variable is unset. */
    private static String devDefault(Properties config, String key) {
        Matcher matcher = DEFAULT_VALUE.matcher(config.getProperty(key));
        assertTrue(matcher.matches(), key + " has an env default");
        return matcher.group(1);
    }

    private static PublicKey publicKey(String base64) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
