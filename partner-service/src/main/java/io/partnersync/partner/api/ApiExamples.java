package io.partnersync.partner.api;

/** Examples shown in the OpenAPI document (annotation values must be constants). */
final class ApiExamples {

    static final String PROBLEM_JSON = "application/problem+json";

    static final String NEW_INTEGRATION = """
            {"name": "Acme Meta Business", "metaBusinessId": "100200300400500", "token": "EAAGm0PX4ZCpsBAxxxxxxxxxxxxxxxxxxxx"}""";

    static final String INTEGRATION = """
            {"id": "3f0c3c2e-8d0a-4f7e-9a43-2b8f6f1f2a10", "name": "Acme Meta Business",
             "metaBusinessId": "100200300400500", "status": "ACTIVE",
             "tokenFingerprint": {"last4": "Zx9Q", "sha256Prefix": "9f2c41d07a3b"},
             "createdAt": "2026-12-03T09:15:00Z", "createdBy": "ada@acme.example",
             "lastDiscoveryAt": "2026-12-03T09:15:04Z", "lastSyncAt": "2026-12-03T09:16:10Z",
             "lastSyncResult": {"at": "2026-12-03T09:16:10Z", "taskId": "0b7e2f3c-5a55-4a0e-8a51-3c0f6b1d9e21",
               "outcome": "COMPLETED", "added": 12, "updated": 0, "removed": 1, "unchanged": 40, "removalsHeld": 0,
               "failureReason": null, "graphErrorCode": null, "graphErrorMessage": null}}""";

    static final String INTEGRATIONS = "{\"items\": [" + INTEGRATION + "]}";

    static final String PARTNER = """
            {"id": "6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11", "integrationId": "3f0c3c2e-8d0a-4f7e-9a43-2b8f6f1f2a10",
             "businessId": "500600700800900", "name": "Brightline Media", "relationship": "AGENCY",
             "verificationStatus": "verified",
             "sharedAssets": [{"assetId": "act_1234567890", "assetType": "AD_ACCOUNT", "name": "Acme EU",
               "permittedTasks": ["MANAGE", "ADVERTISE", "ANALYZE"]}],
             "sharedAssetCount": 1, "status": "ONBOARDED", "statusLabel": "Onboarded",
             "tokenFingerprint": {"last4": "Q7dA", "sha256Prefix": "1c7e0b9a44f2"},
             "connectedAt": "2026-12-03T09:20:00Z", "connectedBy": "ada@acme.example",
             "lastSyncAt": "2026-12-03T09:21:30Z",
             "lastSyncResult": {"at": "2026-12-03T09:21:30Z", "taskId": "0b7e2f3c-5a55-4a0e-8a51-3c0f6b1d9e21",
               "outcome": "FAILED", "added": null, "updated": null, "removed": null, "unchanged": null,
               "removalsHeld": null, "failureReason": "TOKEN_INVALID", "graphErrorCode": 190,
               "graphErrorMessage": "Error validating access token: The session has been invalidated."}}""";

    static final String DISCONNECTED_PARTNER = """
            {"id": "6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11", "integrationId": "3f0c3c2e-8d0a-4f7e-9a43-2b8f6f1f2a10",
             "businessId": "500600700800900", "name": "Brightline Media", "relationship": "AGENCY",
             "verificationStatus": "verified",
             "sharedAssets": [{"assetId": "act_1234567890", "assetType": "AD_ACCOUNT", "name": "Acme EU",
               "permittedTasks": ["MANAGE", "ADVERTISE", "ANALYZE"]}],
             "sharedAssetCount": 1, "status": "DISCONNECTED", "statusLabel": "Disconnected",
             "tokenFingerprint": null, "connectedAt": null, "connectedBy": null,
             "lastSyncAt": null, "lastSyncResult": null}""";

    static final String PARTNERS = "{\"items\": [" + PARTNER + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";

    static final String HISTORY = """
            {"partnerId": "6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11", "changes": [
              {"from": "PENDING_ONBOARDING", "to": "ONBOARDED", "at": "2026-12-03T09:20:00Z",
               "byUser": "ada@acme.example", "byEvent": null, "reason": "connected with a new token"},
              {"from": null, "to": "PENDING_ONBOARDING", "at": "2026-12-03T09:15:04Z", "byUser": null,
               "byEvent": {"type": "partnersync.partners-discovered.v1", "id": "c1f0e7a4-2b1d-4d7e-9d3e-6f1a2b3c4d5e"},
               "reason": "discovered"}]}""";

    static final String NEW_CONNECTION = """
            {"token": "EAAGm0PX4ZCpsBAyyyyyyyyyyyyyyyyyyyy"}""";

    static final String INVALID_REQUEST = """
            {"type": "https://partnersync.io/problems/invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "metaBusinessId must be a Meta business id: 1 to 20 digits; token size must be between 20 and 1000",
             "violations": [{"field": "metaBusinessId", "message": "must be a Meta business id: 1 to 20 digits"},
                            {"field": "token", "message": "size must be between 20 and 1000"}]}""";

    static final String UNAUTHENTICATED = """
            {"type": "https://partnersync.io/problems/unauthenticated", "title": "Authentication required", "status": 401,
             "detail": "Send a valid bearer token in the Authorization header."}""";

    static final String FORBIDDEN = """
            {"type": "https://partnersync.io/problems/forbidden", "title": "Not allowed", "status": 403,
             "detail": "Your role does not allow this operation."}""";

    static final String INTEGRATION_NOT_FOUND = """
            {"type": "https://partnersync.io/problems/integration-not-found", "title": "Integration not found",
             "status": 404, "detail": "No integration 3f0c3c2e-8d0a-4f7e-9a43-2b8f6f1f2a10 in your workspace.",
             "integrationId": "3f0c3c2e-8d0a-4f7e-9a43-2b8f6f1f2a10"}""";

    static final String PARTNER_NOT_FOUND = """
            {"type": "https://partnersync.io/problems/partner-not-found", "title": "Partner not found", "status": 404,
             "detail": "No partner 6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11 in integration 3f0c3c2e-8d0a-4f7e-9a43-2b8f6f1f2a10 of your workspace.",
             "partnerId": "6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11"}""";

    static final String INTEGRATION_EXISTS = """
            {"type": "https://partnersync.io/problems/integration-exists", "title": "This Meta business is already connected",
             "status": 409, "detail": "Meta business 100200300400500 is already connected as integration 3f0c3c2e-8d0a-4f7e-9a43-2b8f6f1f2a10.",
             "integrationId": "3f0c3c2e-8d0a-4f7e-9a43-2b8f6f1f2a10"}""";

    static final String STATUS_CONFLICT = """
            {"type": "https://partnersync.io/problems/partner-status-conflict",
             "title": "The partner's status does not allow this", "status": 409,
             "detail": "Partner 6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11 is ONBOARDED; connecting it needs one of PENDING_ONBOARDING, RECONNECT_REQUIRED, DISCONNECTED.",
             "partnerId": "6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11", "status": "ONBOARDED",
             "allowedStatuses": ["PENDING_ONBOARDING", "RECONNECT_REQUIRED", "DISCONNECTED"]}""";

    static final String ALREADY_DISCONNECTED = """
            {"type": "https://partnersync.io/problems/partner-status-conflict",
             "title": "The partner's status does not allow this", "status": 409,
             "detail": "Partner 6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11 is DISCONNECTED; disconnecting it needs one of PENDING_ONBOARDING, ONBOARDED, RECONNECT_REQUIRED, ACCESS_REMOVED.",
             "partnerId": "6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11", "status": "DISCONNECTED",
             "allowedStatuses": ["PENDING_ONBOARDING", "ONBOARDED", "RECONNECT_REQUIRED", "ACCESS_REMOVED"]}""";

    static final String NO_SHARED_ASSET = """
            {"type": "https://partnersync.io/problems/partner-shares-no-asset", "title": "The partner shares no asset",
             "status": 409,
             "detail": "Partner 6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11 shares no asset with this business; share at least one asset in Meta Business Manager, run Check for updates, then connect it.",
             "partnerId": "6a1d8a52-61f4-4c3b-b7b5-0d2c9d7b5e11"}""";

    static final String TOKEN_REJECTED = """
            {"type": "https://partnersync.io/problems/token-rejected", "title": "The token was rejected", "status": 422,
             "detail": "The token was created for another app. The token is missing the scopes catalog_management, pages_show_list.",
             "failures": [{"check": "WRONG_APP", "message": "The token was created for another app."},
                          {"check": "MISSING_SCOPES", "message": "The token is missing the scopes catalog_management, pages_show_list."}]}""";

    static final String UNAVAILABLE = """
            {"type": "https://partnersync.io/problems/token-vault-unavailable",
             "title": "Tokens cannot be validated right now", "status": 503,
             "detail": "The token service cannot be reached; nothing was changed. Try again in 30 seconds.",
             "retryAfterSeconds": 30}""";

    static final String META_UNAVAILABLE = """
            {"type": "https://partnersync.io/problems/meta-unavailable", "title": "Meta is unavailable", "status": 503,
             "detail": "Meta could not be reached to validate the token.", "retryAfterSeconds": 60}""";

    static final String TOKEN_VAULT_ERROR = """
            {"type": "https://partnersync.io/problems/token-vault-error", "title": "The token service failed",
             "status": 502, "detail": "The token service answered unexpectedly; nothing was changed. The request may be retried."}""";

    private ApiExamples() {
    }
}
