package io.partnersync.tokenvault.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Who did what with which token, and how it ended. Never the token. */
@Entity
@Table(name = "token_audit")
public class TokenAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "workspace_id")
    public String workspaceId;

    @Column(name = "token_ref")
    public String tokenRef;

    /** The calling service, or token-vault-service itself for its own checks. */
    public String actor;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    public String outcome;

    public Instant at;

    public enum AuditAction {
        STORE, ROTATE, READ, DELETE, VALIDATE, DESTROY_ON_EVENT
    }

    public static void record(StoredToken token, String actor, AuditAction action, String outcome) {
        TokenAudit entry = new TokenAudit();
        entry.workspaceId = token.workspaceId;
        entry.tokenRef = token.tokenRef;
        entry.actor = actor;
        entry.action = action;
        entry.outcome = outcome.length() > 500 ? outcome.substring(0, 497) + "..." : outcome;
        entry.at = Instant.now();
        entry.persist();
    }

    public static List<TokenAudit> of(StoredToken token) {
        return list("workspaceId = ?1 and tokenRef = ?2 order by at, id", token.workspaceId, token.tokenRef);
    }
}
