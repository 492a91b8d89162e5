package io.partnersync.tokenvault.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnersync.tokenvault.config.TokenValidationConfig.ExpiringTokens;
import io.partnersync.tokenvault.meta.GraphApi.DebugTokenData;
import io.partnersync.tokenvault.meta.GraphApi.DebugTokenError;

class TokenChecksTest {

    private static final String APP = "2965389650414399";
    private static final List<String> SIX = List.of("ads_management", "business_management", "catalog_management",
            "pages_manage_metadata", "pages_read_engagement", "pages_show_list");
    private static final TokenChecks.Expectations REFUSE = new TokenChecks.Expectations(APP, SIX, ExpiringTokens.REFUSE);
    private static final TokenChecks.Expectations WARN = new TokenChecks.Expectations(APP, SIX, ExpiringTokens.WARN);

    @Test
    void aGoodTokenPassesWithoutWarnings() {
        TokenChecks.Outcome outcome = TokenChecks.inspect(token(APP, "SYSTEM_USER", 0L, true, SIX, null), REFUSE);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void anExpiringTokenIsRefusedOrWarnedAboutByConfiguration() {
        DebugTokenData expiring = token(APP, "SYSTEM_USER", 1924992000L, true, SIX, null);

        assertThat(TokenChecks.inspect(expiring, REFUSE).failures())
                .containsExactly(new CheckFailure(TokenCheck.TOKEN_EXPIRES,
                        "token expires at 2031-01-01T00:00:00Z; create a token that never expires"));
        TokenChecks.Outcome warned = TokenChecks.inspect(expiring, WARN);
        assertThat(warned.passed()).isTrue();
        assertThat(warned.warnings()).containsExactly(
                "token expires at 2031-01-01T00:00:00Z; replace it with one that never expires before then");
    }

    @Test
    void aTokenMetaKnowsNothingAboutIsOnlyInvalid() {
        DebugTokenData unparseable = new DebugTokenData(null, null, null, null, false, List.of(), null, null,
                new DebugTokenError(190, null, "Invalid OAuth access token - Cannot parse access token"));

        assertThat(TokenChecks.inspect(unparseable, REFUSE).failures())
                .extracting(CheckFailure::check).containsExactly(TokenCheck.TOKEN_INVALID);
        assertThat(TokenChecks.inspect(unparseable, REFUSE).failures().get(0).message())
                .contains("Cannot parse access token").contains("error 190");
    }

    @Test
    void everyFailedCheckIsCollectedInOrder() {
        DebugTokenData bad = token("1180355992460577", "PAGE", 1924992000L, false, List.of("pages_show_list"),
                new DebugTokenError(190, 460, "The session has been invalidated"));

        assertThat(TokenChecks.inspect(bad, REFUSE).failures()).extracting(CheckFailure::check).containsExactly(
                TokenCheck.TOKEN_INVALID, TokenCheck.WRONG_APP, TokenCheck.NOT_SYSTEM_USER, TokenCheck.TOKEN_EXPIRES,
                TokenCheck.MISSING_SCOPES);
    }

    @Test
    void businessMessagesNameBothSides() {
        assertThat(TokenChecks.belongsToAnotherBusiness(java.util.Map.of("123", "Acme"), "456", "Partner Co").message())
                .isEqualTo("token belongs to business 123 (Acme), not 456 (Partner Co)");
        assertThat(TokenChecks.notASystemUserOf("61", "bot", "456", null).message())
                .isEqualTo("token's system user 61 (bot) is not a system user of business 456");
    }

    private static DebugTokenData token(String appId, String type, Long expiresAt, boolean valid, List<String> scopes,
            DebugTokenError error) {
        return new DebugTokenData(appId, type, "partnersync", expiresAt, valid, scopes, null, "61550000000000001", error);
    }
}
