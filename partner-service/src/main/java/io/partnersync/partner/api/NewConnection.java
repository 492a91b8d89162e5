package io.partnersync.partner.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST .../partners/{partnerId}/connection}. The token is trimmed; {@link #toString} hides it. */
@Schema(description = "The token a partner generated for our Meta app.")
public record NewConnection(
        @Schema(description = "A never-expiring system user token of our Meta app, created in the partner's business "
                + "with the six required scopes. Validated and stored by token-vault-service; never returned.",
                example = "EAAGm0PX4ZCpsBA...", minLength = 20, maxLength = 1000)
        @NotNull @Size(min = 20, max = 1000) @Pattern(regexp = Validation.TOKEN, message = Validation.TOKEN_MESSAGE) String token) {

    public NewConnection {
        token = token == null ? null : token.strip();
    }

    @Override
    public String toString() {
        return "NewConnection[token=<hidden>]";
    }
}
