package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Graph error answer. The factories hold Graph's own codes, subcodes and wording, so every
 * endpoint fails the way Graph does; {@link #toJson()} gives Graph's error shape with a fresh fbtrace_id.
 */
public final class GraphError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final String OAUTH = "OAuthException";
    private static final String GRAPH_METHOD = "GraphMethodException";
    private static final int BAD_REQUEST = 400;
    private static final int FORBIDDEN = 403;
    private static final int SERVER_ERROR = 500;
    private static final int THROTTLED_SUBCODE = 2446079;
    private static final String TRACE_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final DateTimeFormatter EXPIRY_FORMAT =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final int httpStatus;
    private final String type;
    private final int code;
    private final Integer subcode;
    private final boolean isTransient;
    private final String userTitle;
    private final String userMessage;

    private GraphError(int httpStatus, String type, int code, Integer subcode, boolean isTransient, String message,
            String userTitle, String userMessage) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.type = type;
        this.code = code;
        this.subcode = subcode;
        this.isTransient = isTransient;
        this.userTitle = userTitle;
        this.userMessage = userMessage;
    }

    private static GraphError of(int httpStatus, String type, int code, Integer subcode, String message) {
        return new GraphError(httpStatus, type, code, subcode, false, message, null, null);
    }

    // ---- tokens ----

    public static GraphError accessTokenRequired() {
        return of(BAD_REQUEST, OAUTH, 104, null, "An access token is required to request this resource.");
    }

    public static GraphError cannotParseToken() {
        return of(BAD_REQUEST, OAUTH, 190, null, "Invalid OAuth access token - Cannot parse access token");
    }

    public static GraphError wrongAppSecret() {
        return of(BAD_REQUEST, OAUTH, 190, null, "Invalid OAuth access token signature.");
    }

    public static GraphError tokenInvalidated() {
        return of(BAD_REQUEST, OAUTH, 190, 460, "Error validating access token: The session has been invalidated "
                + "because the user changed their password or Facebook has changed the session for security reasons.");
    }

    public static GraphError tokenExpired(long expiresAtSeconds, Instant now) {
        return of(BAD_REQUEST, OAUTH, 190, 463, "Error validating access token: Session has expired on "
                + EXPIRY_FORMAT.format(Instant.ofEpochSecond(expiresAtSeconds)) + ". The current time is "
                + EXPIRY_FORMAT.format(now) + ".");
    }

    public static GraphError noCurrentUser() {
        return of(BAD_REQUEST, OAUTH, 2500, null,
                "An active access token must be used to query information about the current user.");
    }

    public static GraphError appsecretProofMissing() {
        return of(BAD_REQUEST, GRAPH_METHOD, 100, null, "API calls from the server require an appsecret_proof argument");
    }

    public static GraphError appsecretProofInvalid() {
        return of(BAD_REQUEST, GRAPH_METHOD, 100, null, "Invalid appsecret_proof provided in the API argument");
    }

    // ---- requests ----

    public static GraphError objectNotFound(String method, String id) {
        return of(BAD_REQUEST, GRAPH_METHOD, 100, 33, "Unsupported " + method.toLowerCase() + " request. Object with ID '"
                + id + "' does not exist, cannot be loaded due to missing permissions, or does not support this "
                + "operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api");
    }

    public static GraphError unknownPath(String path) {
        return of(BAD_REQUEST, OAUTH, 2500, null, "Unknown path components: " + path);
    }

    public static GraphError nonexistingField(String field, String nodeType) {
        return of(BAD_REQUEST, OAUTH, 100, null,
                "(#100) Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")");
    }

    public static GraphError missingParameter(String name) {
        return of(BAD_REQUEST, OAUTH, 100, null, "(#100) The parameter " + name + " is required");
    }

    public static GraphError invalidParameter(String message) {
        return of(BAD_REQUEST, OAUTH, 100, null, "(#100) " + message);
    }

    public static GraphError tooManyBatchRequests(int maximum) {
        return of(BAD_REQUEST, OAUTH, 100, null,
                "(#100) Too many requests in batch message. Maximum batch size is " + maximum);
    }

    public static GraphError invalidCursor() {
        return of(BAD_REQUEST, OAUTH, 2642, null, "Invalid cursors values");
    }

    public static GraphError reduceData() {
        return new GraphError(SERVER_ERROR, OAUTH, 1, null, true,
                "Please reduce the amount of data you're asking for, then retry your request", null, null);
    }

    public static GraphError unexpected() {
        return new GraphError(SERVER_ERROR, OAUTH, 2, null, true,
                "An unexpected error has occurred. Please retry your request later.", null, null);
    }

    // ---- permissions ----

    public static GraphError missingPermission(String scope) {
        return of(FORBIDDEN, OAUTH, 200, null, "(#200) Requires " + scope + " permission to manage the object");
    }

    /** Page endpoints word it differently and use code 10. */
    public static GraphError missingPagePermission(String scope) {
        return of(FORBIDDEN, OAUTH, 10, null, "(#10) This endpoint requires the '" + scope
                + "' permission or the 'Page Public Content Access' feature. Refer to "
                + "https://developers.facebook.com/docs/apps/review/login-permissions#manage-pages for details.");
    }

    public static GraphError permissionsError() {
        return of(FORBIDDEN, OAUTH, 200, null, "(#200) Permissions error");
    }

    // ---- rate limits ----

    public static GraphError throttled(int code) {
        if (code == 17) {
            return new GraphError(BAD_REQUEST, OAUTH, 17, THROTTLED_SUBCODE, true, "(#17) User request limit reached",
                    null, null);
        }
        return new GraphError(BAD_REQUEST, OAUTH, 80004, THROTTLED_SUBCODE, true,
                "There have been too many calls to this ad-account. Wait a bit and try again. For more info, please "
                        + "refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management.",
                null, null);
    }

    /** What the token-errors fault answers: Graph's error for that code where the simulator knows it. */
    public static GraphError injected(int code) {
        return switch (code) {
            case 190 -> tokenInvalidated();
            case 102 -> of(BAD_REQUEST, OAUTH, 102, null, "Session key invalid or no longer valid");
            case 368 -> new GraphError(BAD_REQUEST, OAUTH, 368, 1390008, false,
                    "It looks like you were misusing this feature by going too fast.", "You're Temporarily Blocked",
                    "It looks like you were misusing this feature by going too fast. You've been temporarily blocked.");
            case 4 -> new GraphError(BAD_REQUEST, OAUTH, 4, null, true, "(#4) Application request limit reached",
                    null, null);
            case 17, 80004 -> throttled(code);
            case 10 -> missingPagePermission("pages_read_engagement");
            case 200 -> permissionsError();
            case 1 -> reduceData();
            case 2 -> unexpected();
            default -> of(BAD_REQUEST, OAUTH, code, null, "(#" + code + ") Simulated error");
        };
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public Integer subcode() {
        return subcode;
    }

    public ObjectNode toJson() {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.put("message", getMessage());
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (userTitle != null) {
            error.put("error_user_title", userTitle);
            error.put("error_user_msg", userMessage);
        }
        error.put("is_transient", isTransient);
        error.put("fbtrace_id", newTraceId());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("error", error);
        return body;
    }

    private static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder("A");
        for (int i = 0; i < 22; i++) {
            id.append(TRACE_ID_ALPHABET.charAt(random.nextInt(TRACE_ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
