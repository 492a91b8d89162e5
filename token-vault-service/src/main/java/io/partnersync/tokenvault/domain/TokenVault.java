package io.partnersync.tokenvault.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.TokenOwnerKind;
import io.partnersync.events.TokenRevocationReason;
import io.partnersync.events.TokenRevoked;
import io.partnersync.events.outbox.Outbox;
import io.partnersync.tokenvault.domain.TokenAudit.AuditAction;
import io.partnersync.tokenvault.store.TokenStore;
import io.partnersync.tokenvault.store.TokenStore.SecretHandle;
import io.partnersync.tokenvault.store.TokenStoreException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The token vault's operations. Meta is asked outside any transaction; each state change is
 * one transaction under the owner's lock, with its audit entry and its event; retired secrets
 * are destroyed once that transaction committed ({@link SecretPurger}).
 */
@ApplicationScoped
public class TokenVault {

    /** The actor of the service's own actions (re-validation, naming a business). */
    public static final String SELF = "token-vault-service";
    /** Who sends PartnerDisconnected. */
    private static final String DISCONNECTING_SERVICE = "partner-service";
    private static final Logger LOG = Logger.getLogger(TokenVault.class);

    private final TokenValidator validator;
    private final TokenStore store;
    private final OwnerLocks locks;
    private final Outbox outbox;
    private final Event<SecretsRetired> retired;
    private final SecretPurger purger;

    TokenVault(TokenValidator validator, TokenStore store, OwnerLocks locks, Outbox outbox,
            Event<SecretsRetired> retired, SecretPurger purger) {
        this.validator = validator;
        this.store = store;
        this.locks = locks;
        this.outbox = outbox;
        this.retired = retired;
        this.purger = purger;
    }

    /** A token with the owner's audit trail and every token the owner ever had. */
    public record TokenRecord(StoredToken token, List<TokenAudit> audit, List<StoredToken> history) {
    }

    /** Validates and keeps the token under a new reference; the owner's previous token is rotated out. */
    public StoredToken store(TokenSubmission submission, String actor) {
        ValidatedToken validated = validator.validate(submission, () -> integrationTokenFor(submission));
        TokenOwner owner = submission.owner();
        String tokenRef = "tok_" + UUID.randomUUID();
        try {
            StoredToken stored = QuarkusTransaction.requiringNew().call(() -> {
                locks.lock(owner);
                Optional<StoredToken> previous = StoredToken.activeOf(owner);
                SecretHandle handle = store.write(owner, tokenRef, submission.token());
                previous.ifPresent(old -> {
                    old.rotateTo(tokenRef);
                    TokenAudit.record(old, actor, AuditAction.ROTATE, "replaced by " + tokenRef);
                    // One ACTIVE token per owner (a unique index): the old one must be ROTATED before the insert.
                    StoredToken.flush();
                    retired.fire(new SecretsRetired(owner));
                });
                StoredToken token = StoredToken.create(tokenRef, submission, validated, handle.version(), actor);
                token.persist();
                TokenAudit.record(token, actor, AuditAction.STORE,
                        previous.map(old -> "stored, replacing " + old.tokenRef).orElse("stored"));
                return token;
            });
            LOG.infof("Stored %s for %s %s in workspace %s (business %s, token %s)", tokenRef, owner.kind(),
                    owner.ownerId(), owner.workspaceId(), submission.businessId(), validated.fingerprint());
            return stored;
        } catch (RuntimeException e) {
            // The store may hold the new secret although the transaction rolled back: keep only the ACTIVE one.
            purger.purgeQuietly(owner);
            throw e;
        }
    }

    /** The dry run: every check, nothing kept. */
    public ValidatedToken validate(TokenSubmission submission) {
        return validator.validate(submission, () -> integrationTokenFor(submission));
    }

    public TokenRecord details(String tokenRef, Optional<String> workspaceId) {
        StoredToken token = find(tokenRef, workspaceId);
        return new TokenRecord(token, TokenAudit.of(token), StoredToken.historyOf(token.owner()));
    }

    /** The token itself, for the one caller allowed to use it; every read is audited. */
    public String readSecret(String tokenRef, Optional<String> workspaceId, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredToken token = find(tokenRef, workspaceId);
            if (!token.active()) {
                throw new TokenNotFoundException("Token " + tokenRef + " is " + token.status
                        + "; its secret was destroyed" + (token.replacedBy == null ? "" : " (replaced by " + token.replacedBy + ")"));
            }
            String secret = store.read(token.owner(), handle(token)).orElseThrow(() -> new TokenNotFoundException(
                    "The secret of token " + tokenRef + " is missing from the token store"));
            TokenAudit.record(token, actor, AuditAction.READ, "read");
            return secret;
        });
    }

    /** Destroys the token; a token already retired stays as it is. */
    public void delete(String tokenRef, Optional<String> workspaceId, String actor) {
        StoredToken found = find(tokenRef, workspaceId);
        QuarkusTransaction.requiringNew().run(() -> destroy(found.workspaceId, tokenRef, actor, AuditAction.DELETE,
                "deleted by " + actor));
    }

    /** PartnerDisconnected: destroy the partner's token. Runs in the consumer's transaction. */
    public void destroyOnDisconnection(PartnerDisconnected event) {
        if (event.tokenRef() == null) {
            return;
        }
        Optional<StoredToken> token = StoredToken.find(event.workspaceId(), event.tokenRef());
        if (token.isEmpty() || token.get().ownerKind != TokenOwnerKind.PARTNER
                || !token.get().ownerId.equals(event.partnerId())) {
            LOG.infof("PartnerDisconnected %s names %s, which is no token of partner %s in workspace %s: nothing to destroy",
                    event.eventId(), event.tokenRef(), event.partnerId(), event.workspaceId());
            return;
        }
        destroy(event.workspaceId(), event.tokenRef(), DISCONNECTING_SERVICE, AuditAction.DESTROY_ON_EVENT,
                "partner disconnected (event " + event.eventId() + ")");
    }

    /** Checks a stored token against Meta again; a token Meta calls invalid is retired and announced. */
    public void revalidate(StoredToken stale) {
        Optional<String> secret = QuarkusTransaction.requiringNew().call(() -> store.read(stale.owner(), handle(stale)));
        if (secret.isEmpty()) {
            LOG.warnf("The secret of active token %s is missing; it cannot be checked again", stale.tokenRef);
            return;
        }
        TokenSubmission submission = new TokenSubmission(stale.ownerKind, stale.ownerId, stale.workspaceId,
                stale.businessId, secret.get());
        try {
            ValidatedToken validated = validator.validate(submission, () -> integrationTokenFor(submission));
            whileActive(stale, token -> {
                token.recordValid(validated);
                TokenAudit.record(token, SELF, AuditAction.VALIDATE, "valid");
            });
        } catch (TokenRejectedException rejected) {
            whileActive(stale, token -> {
                boolean invalid = rejected.failures().stream().anyMatch(f -> f.check() == TokenCheck.TOKEN_INVALID);
                if (!invalid) {
                    token.recordRefusal(rejected.failures());
                    TokenAudit.record(token, SELF, AuditAction.VALIDATE, "refused: " + rejected.getMessage());
                    return;
                }
                token.invalidate(rejected.failures());
                TokenAudit.record(token, SELF, AuditAction.VALIDATE, "invalid: " + rejected.getMessage());
                outbox.write(revoked(token, TokenRevocationReason.INVALID, rejected.getMessage()));
                retired.fire(new SecretsRetired(token.owner()));
                LOG.infof("Token %s of %s %s in workspace %s is no longer valid: %s", token.tokenRef, token.ownerKind,
                        token.ownerId, token.workspaceId, rejected.getMessage());
            });
        }
    }

    /** Active tokens whose last validation is older than {@code before}, a batch at a time. */
    public List<StoredToken> dueForRevalidation(Instant before, int batch) {
        // A maintenance sweep over every workspace; each token is then handled within its own.
        return StoredToken.<StoredToken>find("status = ?1 and lastValidatedAt < ?2 order by lastValidatedAt",
                TokenStatus.ACTIVE, before).page(0, batch).list();
    }

    private void destroy(String workspaceId, String tokenRef, String actor, AuditAction action, String why) {
        StoredToken unlocked = StoredToken.find(workspaceId, tokenRef).orElseThrow();
        locks.lock(unlocked.owner());
        StoredToken token = StoredToken.findForUpdate(workspaceId, tokenRef).orElseThrow();
        if (!token.active()) {
            LOG.debugf("%s is already %s; nothing to destroy", tokenRef, token.status);
            return;
        }
        token.destroy();
        TokenAudit.record(token, actor, action, "destroyed: " + why);
        outbox.write(revoked(token, TokenRevocationReason.DESTROYED, why));
        retired.fire(new SecretsRetired(token.owner()));
        LOG.infof("Destroyed %s of %s %s in workspace %s: %s", tokenRef, token.ownerKind, token.ownerId, workspaceId, why);
    }

    private void whileActive(StoredToken stale, java.util.function.Consumer<StoredToken> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            locks.lock(stale.owner());
            StoredToken.findForUpdate(stale.workspaceId, stale.tokenRef).filter(StoredToken::active).ifPresent(change);
        });
    }

    /**
     * The workspace's current integration token, used only to read the name of a partner
     * business that a refused token cannot see. The read is audited like any other.
     */
    private Optional<String> integrationTokenFor(TokenSubmission submission) {
        if (submission.ownerKind() != TokenOwnerKind.PARTNER) {
            return Optional.empty();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> StoredToken.<StoredToken>find(
                "workspaceId = ?1 and ownerKind = ?2 and status = ?3 order by storedAt desc",
                submission.workspaceId(), TokenOwnerKind.INTEGRATION, TokenStatus.ACTIVE).firstResultOptional()
                .flatMap(integration -> {
                    Optional<String> secret = store.read(integration.owner(), handle(integration));
                    secret.ifPresent(s -> TokenAudit.record(integration, SELF, AuditAction.READ,
                            "read to name business " + submission.businessId() + " in a refusal"));
                    return secret;
                }));
        } catch (TokenStoreException e) {
            LOG.warnf("Could not read the integration token of workspace %s to name a business: %s",
                    submission.workspaceId(), e.getMessage());
            return Optional.empty();
        }
    }

    private static StoredToken find(String tokenRef, Optional<String> workspaceId) {
        return workspaceId.map(workspace -> StoredToken.find(workspace, tokenRef)).orElseGet(() -> StoredToken.findByRef(tokenRef))
                .orElseThrow(() -> new TokenNotFoundException("No token " + tokenRef
                        + workspaceId.map(workspace -> " in workspace " + workspace).orElse("")));
    }

    private static SecretHandle handle(StoredToken token) {
        return new SecretHandle(token.tokenRef, token.secretVersion);
    }

    private static TokenRevoked revoked(StoredToken token, TokenRevocationReason reason, String detail) {
        return new TokenRevoked(UUID.randomUUID(), Instant.now(), token.workspaceId, token.tokenRef, token.ownerKind,
                token.ownerId.toString(), reason, detail);
    }
}
