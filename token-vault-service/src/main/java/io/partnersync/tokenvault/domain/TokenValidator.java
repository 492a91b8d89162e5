package io.partnersync.tokenvault.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.partnersync.events.TokenOwnerKind;
import io.partnersync.tokenvault.config.MetaConfig;
import io.partnersync.tokenvault.config.TokenValidationConfig;
import io.partnersync.tokenvault.meta.GraphApi.DebugTokenData;
import io.partnersync.tokenvault.meta.GraphApi.GranularScope;
import io.partnersync.tokenvault.meta.GraphApi.GraphNode;
import io.partnersync.tokenvault.meta.GraphRefusal;
import io.partnersync.tokenvault.meta.MetaGraph;
import io.partnersync.tokenvault.meta.MetaUnavailableException;

/**
 * Validates a token against Meta: debug_token first (every failed check collected), then,
 * only for a token that passed, that it belongs to the expected business. Throws
 * {@link TokenRejectedException} listing every failure, or {@link MetaUnavailableException}
 * when Meta cannot tell now.
 */
@ApplicationScoped
public class TokenValidator {

    private static final Logger LOG = Logger.getLogger(TokenValidator.class);
    private static final String BUSINESS_MANAGEMENT = "business_management";

    private final MetaGraph meta;
    private final MetaConfig metaConfig;
    private final TokenValidationConfig config;

    TokenValidator(MetaGraph meta, MetaConfig metaConfig, TokenValidationConfig config) {
        this.meta = meta;
        this.metaConfig = metaConfig;
        this.config = config;
    }

    /**
     * @param nameSource another token of the workspace that may see the expected business
     *                   (the customer's integration token), used only to name that business in
     *                   a refusal when the token under test cannot see it
     */
    public ValidatedToken validate(TokenSubmission submission, Supplier<Optional<String>> nameSource) {
        String token = submission.token();
        DebugTokenData debug = meta.debugToken(token);
        TokenChecks.Outcome outcome = TokenChecks.inspect(debug, new TokenChecks.Expectations(metaConfig.appId(),
                requiredScopes(submission.ownerKind()), config.expiringTokens()));
        if (!outcome.passed()) {
            throw rejected(submission, outcome.failures());
        }
        GraphNode me = graphCall(submission, () -> meta.me(token));
        Map<String, String> visible = visibleBusinesses(token, debug);
        String expected = submission.businessId();
        if (!visible.isEmpty() && !visible.containsKey(expected)) {
            throw rejected(submission, List.of(TokenChecks.belongsToAnotherBusiness(named(token, visible), expected,
                    nameOf(expected, token, nameSource).orElse(null))));
        }
        Set<String> systemUsers;
        try {
            systemUsers = meta.systemUserIds(token, expected);
        } catch (GraphRefusal refusal) {
            throw rejected(submission, List.of(refusal.tokenInvalid()
                    ? TokenChecks.invalidOnUse(refusal.getMessage())
                    : TokenChecks.cannotConfirmBusiness(expected, nameOf(expected, token, nameSource).orElse(null),
                            refusal.getMessage())));
        }
        String businessName = Optional.ofNullable(visible.get(expected)).or(() -> nameOf(expected, token, () -> Optional.empty()))
                .orElse(null);
        if (!systemUsers.contains(me.id())) {
            throw rejected(submission, List.of(TokenChecks.notASystemUserOf(me.id(), me.name(), expected, businessName)));
        }
        Instant expiresAt = debug.expiresAt() == null || debug.expiresAt() == 0 ? null : Instant.ofEpochSecond(debug.expiresAt());
        return new ValidatedToken(Fingerprint.of(token), debug.appId(), me.id(), me.name(), expected, businessName,
                debug.scopes() == null ? List.of() : List.copyOf(debug.scopes()), expiresAt, outcome.warnings(),
                Instant.now());
    }

    private List<String> requiredScopes(TokenOwnerKind kind) {
        return kind == TokenOwnerKind.PARTNER ? config.partnerScopes() : config.integrationScopes();
    }

    /**
     * The businesses the token can see: {@code /me/businesses} (may be empty for system users)
     * and the business_management target ids, keyed by id, with names where Meta gave them.
     */
    private Map<String, String> visibleBusinesses(String token, DebugTokenData debug) {
        Map<String, String> visible = new LinkedHashMap<>();
        try {
            meta.myBusinesses(token).forEach(business -> visible.put(business.id(), business.name()));
        } catch (GraphRefusal refusal) {
            LOG.debugf("/me/businesses refused (Graph error %s); relying on granular scopes", refusal.code());
        }
        if (debug.granularScopes() != null) {
            debug.granularScopes().stream()
                    .filter(scope -> BUSINESS_MANAGEMENT.equals(scope.scope()))
                    .map(GranularScope::targetIds)
                    .filter(ids -> ids != null)
                    .flatMap(List::stream)
                    .forEach(id -> visible.putIfAbsent(id, null));
        }
        return visible;
    }

    /** The token's own businesses get their names from the token itself. */
    private Map<String, String> named(String token, Map<String, String> businesses) {
        Map<String, String> named = new LinkedHashMap<>();
        businesses.forEach((id, name) -> named.put(id, name != null ? name : nameOf(id, token, Optional::empty).orElse(null)));
        return named;
    }

    /**
     * A business's name, read with the token under test or else with the fallback token. A
     * name only decorates a refusal: when Meta will not tell, the message carries the id alone.
     */
    private Optional<String> nameOf(String businessId, String token, Supplier<Optional<String>> fallback) {
        Optional<String> name = readName(businessId, token);
        if (name.isPresent()) {
            return name;
        }
        return fallback.get().flatMap(other -> readName(businessId, other));
    }

    private Optional<String> readName(String businessId, String token) {
        try {
            return Optional.ofNullable(meta.business(token, businessId).name());
        } catch (GraphRefusal | MetaUnavailableException cannotSee) {
            return Optional.empty();
        }
    }

    private GraphNode graphCall(TokenSubmission submission, Supplier<GraphNode> call) {
        try {
            return call.get();
        } catch (GraphRefusal refusal) {
            throw rejected(submission, List.of(TokenChecks.invalidOnUse(refusal.getMessage())));
        }
    }

    private static TokenRejectedException rejected(TokenSubmission submission, List<CheckFailure> failures) {
        LOG.infof("Refused a %s token for %s %s in workspace %s (business %s, token %s): %s", submission.ownerKind(),
                submission.ownerKind(), submission.ownerId(), submission.workspaceId(), submission.businessId(),
                Fingerprint.of(submission.token()), failures.stream().map(CheckFailure::check).toList());
        return new TokenRejectedException(failures);
    }
}
