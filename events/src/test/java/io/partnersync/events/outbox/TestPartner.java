package io.partnersync.events.outbox;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stand-in aggregate: its state changes and the events about it must commit together. */
@Entity
@Table(name = "test_partner")
public class TestPartner extends PanacheEntityBase {

    @Id
    public UUID id;

    public String status;

    public int disconnections;
}
