package io.sheetingest;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/** Entry point of REST Assured for tests: decimals are read as BigDecimal so that exact values can be asserted. */
public final class Api {

    private static final RestAssuredConfig EXACT = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    /** A request from a caller allowed to do everything the API offers. */
    public static RequestSpecification api() {
        return given().config(EXACT);
    }
}
