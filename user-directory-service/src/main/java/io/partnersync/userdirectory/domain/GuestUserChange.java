package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One history entry, read through Hibernate; entries are written in bulk by {@link ChangeLog} and never change. */
@Entity
@Immutable
@Table(name = "guest_user_change")
public class GuestUserChange extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "workspace_id")
    public String workspaceId;

    @Column(name = "integration_id")
    public UUID integrationId;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "guest_user_id")
    public UUID guestUserId;

    @Column(name = "person_name")
    public String personName;

    @Column(name = "person_email")
    public String personEmail;

    @Enumerated(EnumType.STRING)
    public ChangeType change;

    @Column(name = "asset_id")
    public String assetId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_value")
    public JsonNode before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_value")
    public JsonNode after;

    public String reason;

    @Column(name = "job_id")
    public UUID jobId;

    public String actor;

    @Column(name = "occurred_at")
    public Instant occurredAt;
}
