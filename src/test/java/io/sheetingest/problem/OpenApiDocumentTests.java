package io.sheetingest.problem;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The published OpenAPI document describes error responses as problem documents. */
@QuarkusTest
class OpenApiDocumentTests {

    @TestHTTPResource(value = "/openapi", management = true)
    URL openApi;

    @Test
    void everyErrorResponseIsAProblemDocument() {
        JsonPath document = given().queryParam("format", "json").get(openApi).then().statusCode(200).extract()
                .jsonPath();

        Map<String, Object> upload = document.getMap("paths.'/api/ingestions'.post.responses");
        assertNotNull(upload.get("202"), "the accepted upload is documented");
        assertEquals("#/components/schemas/Job", schemaRef(upload, "202", "application/json"), "202 returns the job");
        for (String code : List.of("400", "401", "403", "413", "415", "422", "503", "507")) {
            assertEquals("#/components/schemas/Problem", schemaRef(upload, code, "application/problem+json"), code);
        }
        Map<String, Object> properties = document.getMap("components.schemas.Problem.properties");
        assertTrue(properties.keySet().containsAll(List.of("type", "title", "status", "detail", "file", "sheet",
                "row", "column")), properties.toString());
    }

    @SuppressWarnings("unchecked")
    private static Object schemaRef(Map<String, Object> responses, String code, String mediaType) {
        Map<String, Object> response = (Map<String, Object>) responses.get(code);
        assertNotNull(response, code + " is documented");
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        assertNotNull(content, code + " has content");
        Map<String, Object> media = (Map<String, Object>) content.get(mediaType);
        assertNotNull(media, code + " is " + mediaType + ": " + content.keySet());
        return ((Map<String, Object>) media.get("schema")).get("$ref");
    }
}
