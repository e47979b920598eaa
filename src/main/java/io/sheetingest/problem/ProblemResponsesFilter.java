package io.sheetingest.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents every error response of the API as what it is: an RFC 9457 {@code application/problem+json} document
 * with the {@code Problem} schema, instead of an error with no body described.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
                    if (isError(response.getKey())) {
                        response.getValue().setContent(problemContent());
                    }
                }
            }
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document; file, sheet, row and column say where in an uploaded "
                        + "file the problem sits")
                .addProperty("type", text("Stable identifier of the kind of problem, "
                        + "urn:sheet-ingest:problem:<slug>"))
                .addProperty("title", text("Short summary of the kind"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("HTTP status"))
                .addProperty("detail", text("What went wrong this time"))
                .addProperty("instance", text("The request path or job that hit it"))
                .addProperty("file", text("Uploaded file name"))
                .addProperty("sheet", text("Sheet name"))
                .addProperty("row", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int64").description("1-based row in the sheet, or line in a CSV file"))
                .addProperty("column", text("Column letter or header"))
                .addRequired("type")
                .addRequired("title")
                .addRequired("status");
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
