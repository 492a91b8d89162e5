package io.partnersync.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/integrations}. Name and token are trimmed; {@link #toString} hides the token. */
@Schema(description = "A Meta Business Center integration to connect.")
public record NewIntegration(
        @Schema(description = "What the customer calls this integration.", example = "Acme Meta Business")
        @NotBlank @Size(max = 100) String name,
        @Schema(description = "The customer's Meta business id.", example = "100200300400500")
        @NotNull @Pattern(regexp = Validation.BUSINESS_ID, message = Validation.BUSINESS_ID_MESSAGE) String metaBusinessId,
        @Schema(description = "A system user token of our Meta app for that business. Validated and stored by "
                + "token-vault-service; never returned.", example = "EAAGm0PX4ZCpsBA...", minLength = 20, maxLength = 1000)
        @NotNull @Size(min = 20, max = 1000) @Pattern(regexp = Validation.TOKEN, message = Validation.TOKEN_MESSAGE) String token) {

    public NewIntegration {
        name = name == null ? null : name.strip();
        token = token == null ? null : token.strip();
    }

    @Override
    public String toString() {
        return "NewIntegration[name=" + name + ", metaBusinessId=" + metaBusinessId + ", token=<hidden>]";
    }
}
