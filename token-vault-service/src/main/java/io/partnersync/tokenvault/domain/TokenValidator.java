package io.partnersync.tokenvault.domain;

import java.time.Instant;
import java.util.ArrayList;
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
 * Validates a token against Meta: debug_token (every failed check collected) and, for any valid
 * token of our app, that it belongs to the expected business. Throws
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
        List<CheckFailure> failures = new ArrayList<>(outcome.failures());
        Ownership ownership = null;
        // Meta answers our calls with a valid token of our app: say whose it is even when other
        // checks failed, so a person fixes everything in one go.
        if (debug.valid() && metaConfig.appId().equals(debug.appId())) {
            ownership = ownership(submission, debug, nameSource);
            ownership.failure().ifPresent(failures::add);
        }
        if (!failures.isEmpty()) {
            throw rejected(submission, failures);
        }
        Instant expiresAt = debug.expiresAt() == null || debug.expiresAt() == 0 ? null : Instant.ofEpochSecond(debug.expiresAt());
        return new ValidatedToken(Fingerprint.of(token), debug.appId(), ownership.me().id(), ownership.me().name(),
                submission.businessId(), ownership.businessName(),
                debug.scopes() == null ? List.of() : List.copyOf(debug.scopes()), expiresAt, outcome.warnings(),
                Instant.now());
    }

    /** Whose the token is: its own identity, and the expected business's name; or why it is not that business's. */
    private record Ownership(GraphNode me, String businessName, Optional<CheckFailure> failure) {

        static Ownership refused(CheckFailure failure) {
            return new Ownership(null, null, Optional.of(failure));
        }
    }

    private Ownership ownership(TokenSubmission submission, DebugTokenData debug, Supplier<Optional<String>> nameSource) {
        String token = submission.token();
        GraphNode me;
        try {
            me = meta.me(token);
        } catch (GraphRefusal refusal) {
            return Ownership.refused(TokenChecks.invalidOnUse(refusal.getMessage()));
        }
        Map<String, String> visible = visibleBusinesses(token, debug);
        String expected = submission.businessId();
        if (!visible.isEmpty() && !visible.containsKey(expected)) {
            return Ownership.refused(TokenChecks.belongsToAnotherBusiness(named(token, visible), expected,
                    nameOf(expected, token, nameSource).orElse(null)));
        }
        boolean canListSystemUsers = debug.scopes() != null && debug.scopes().contains(BUSINESS_MANAGEMENT);
        if (!TokenChecks.SYSTEM_USER.equals(debug.type()) || !canListSystemUsers) {
            // NOT_SYSTEM_USER or MISSING_SCOPES already refuse it; the listing would only repeat that.
            return new Ownership(me, null, Optional.empty());
        }
        Set<String> systemUsers;
        try {
            systemUsers = meta.systemUserIds(token, expected);
        } catch (GraphRefusal refusal) {
            return Ownership.refused(refusal.tokenInvalid()
                    ? TokenChecks.invalidOnUse(refusal.getMessage())
                    : TokenChecks.cannotConfirmBusiness(expected, nameOf(expected, token, nameSource).orElse(null),
                            refusal.getMessage()));
        }
        String businessName = Optional.ofNullable(visible.get(expected)).or(() -> nameOf(expected, token, () -> Optional.empty()))
                .orElse(null);
        if (!systemUsers.contains(me.id())) {
            return Ownership.refused(TokenChecks.notASystemUserOf(me.id(), me.name(), expected, businessName));
        }
        return new Ownership(me, businessName, Optional.empty());
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

    private static TokenRejectedException rejected(TokenSubmission submission, List<CheckFailure> failures) {
        LOG.infof("Refused a %s token for %s %s in workspace %s (business %s, token %s): %s", submission.ownerKind(),
                submission.ownerKind(), submission.ownerId(), submission.workspaceId(), submission.businessId(),
                Fingerprint.of(submission.token()), failures.stream().map(CheckFailure::check).toList());
        return new TokenRejectedException(failures);
    }
}
