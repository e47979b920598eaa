package io.sheetingest;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.sheetingest.security.Roles;
import io.sheetingest.security.TestTokens;

/**
 * Entry point of REST Assured for tests: decimals are read as BigDecimal so that exact values can be asserted, and
 * requests carry a bearer token that the service verifies like any other (see {@link TestTokens}).
 */
public final class Api {

    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    /** A request from a caller allowed to do everything the API offers: roles admin, ingest and read. */
    public static RequestSpecification api() {
        return as(Roles.ADMIN, Roles.INGEST, Roles.READ);
    }

    /** A request whose token carries exactly these roles (none at all when called without arguments). */
    public static RequestSpecification as(String... roles) {
        return bearer(TestTokens.withRoles(roles));
    }

    /** A request with this raw {@code Authorization: Bearer} value, for tests of refused tokens. */
    public static RequestSpecification bearer(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** A request without any credentials. */
    public static RequestSpecification anonymous() {
        return given().config(EXACT);
    }
}
