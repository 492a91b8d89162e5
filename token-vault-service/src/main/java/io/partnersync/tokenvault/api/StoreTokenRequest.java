package io.partnersync.tokenvault.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnersync.events.TokenOwnerKind;
import io.partnersync.tokenvault.domain.Fingerprint;
import io.partnersync.tokenvault.domain.TokenSubmission;

/** A token to validate (and store) for an owner. */
public record StoreTokenRequest(
        @NotNull TokenOwnerKind ownerKind,
        @NotNull @Schema(description = "The integration or partner id") UUID ownerId,
        @NotBlank @Size(max = 100) @Pattern(regexp = WORKSPACE_ID, message = "must be a workspace id (letters, digits, '.', '_', '-')")
        String workspaceId,
        @NotBlank @Pattern(regexp = "[0-9]{1,20}", message = "must be a Meta business id (digits only)")
        @Schema(description = "The Meta business the token must belong to", examples = "2187465309128374")
        String businessId,
        @NotBlank @Size(max = MAX_TOKEN_LENGTH)
        @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be a Meta access token (printable characters, no spaces)")
        @Schema(description = "The Meta system user token; never returned", examples = "EAAB...")
        String token) {

    static final String WORKSPACE_ID = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** Meta's tokens are a few hundred characters; anything far longer is not one. */
    static final int MAX_TOKEN_LENGTH = 2048;

    TokenSubmission submission() {
        return new TokenSubmission(ownerKind, ownerId, workspaceId, businessId, token);
    }

    /** Records print every component: never the token. */
    @Override
    public String toString() {
        return "StoreTokenRequest[" + ownerKind + " " + ownerId + " in " + workspaceId + ", business " + businessId
                + ", token " + (token == null ? null : Fingerprint.of(token)) + "]";
    }
}
