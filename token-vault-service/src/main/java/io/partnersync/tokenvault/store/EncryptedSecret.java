package io.partnersync.tokenvault.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnersync.events.TokenOwnerKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One token, AES-256-GCM encrypted, in the embedded store. */
@Entity
@Table(name = "token_secret")
public class EncryptedSecret extends PanacheEntityBase {

    @Id
    @Column(name = "token_ref")
    public String tokenRef;

    @Column(name = "workspace_id")
    public String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind")
    public TokenOwnerKind ownerKind;

    @Column(name = "owner_id")
    public UUID ownerId;

    public byte[] nonce;

    public byte[] ciphertext;

    @Column(name = "created_at")
    public Instant createdAt;
}
