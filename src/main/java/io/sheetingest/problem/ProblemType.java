package io.sheetingest.problem;

/** The stable kinds of problem the API answers with. */
public enum ProblemType {

    BAD_REQUEST(400, "bad-request", "Bad request"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    CONFLICT(409, "conflict", "Conflict"),
    FILE_TOO_LARGE(413, "file-too-large", "File too large"),
    UNSUPPORTED_FORMAT(415, "unsupported-format", "Not a supported spreadsheet"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported request media type"),
    UNREADABLE_FILE(422, "unreadable-file", "Unreadable spreadsheet"),
    INSUFFICIENT_STORAGE(507, "insufficient-storage", "File store full"),
    SATURATED(503, "saturated", "Service busy"),
    INTERNAL(500, "internal", "Internal error");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:sheet-ingest:problem:" + slug;
    }
}
