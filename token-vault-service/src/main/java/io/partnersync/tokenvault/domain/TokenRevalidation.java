package io.partnersync.tokenvault.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.partnersync.tokenvault.config.TokenValidationConfig;
import io.partnersync.tokenvault.meta.MetaUnavailableException;
import io.quarkus.scheduler.Scheduled;

/**
 * Checks stored tokens against Meta again, so a token revoked at Meta is noticed (INVALID,
 * TokenRevoked) before a sync trips over it.
 */
@ApplicationScoped
public class TokenRevalidation {

    private static final Logger LOG = Logger.getLogger(TokenRevalidation.class);
    private static final int BATCH = 50;

    private final TokenVault vault;
    private final TokenValidationConfig config;

    TokenRevalidation(TokenVault vault, TokenValidationConfig config) {
        this.vault = vault;
        this.config = config;
    }

    @Scheduled(every = "${partnersync.token-validation.revalidate-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void revalidateStaleTokens() {
        revalidateValidatedBefore(Instant.now().minus(config.revalidateAfter()));
    }

    /** Answers how many tokens it took up; stops early while Meta is unavailable. */
    public int revalidateValidatedBefore(Instant before) {
        // A token whose check changed nothing (its secret is missing) must not be picked forever.
        Set<String> seen = new HashSet<>();
        while (true) {
            List<StoredToken> due = vault.dueForRevalidation(before, BATCH).stream()
                    .filter(token -> seen.add(token.tokenRef))
                    .toList();
            if (due.isEmpty()) {
                return seen.size();
            }
            for (StoredToken token : due) {
                try {
                    vault.revalidate(token);
                } catch (MetaUnavailableException e) {
                    LOG.infof("Stopped re-validating tokens: %s", e.getMessage());
                    return seen.size();
                }
            }
        }
    }
}
