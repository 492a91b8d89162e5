-- Shipped by the events module; services add classpath:db/outbox to quarkus.flyway.locations.
-- Versions 0.x stay below every service's own V1.. migrations.

create table outbox_event (
    id             uuid primary key,                 -- the event id, sent as ce_id
    position       bigint generated always as identity,
    topic          varchar(200)  not null,
    record_key     varchar(200)  not null,
    event_type     varchar(200)  not null,           -- ce_type
    source         varchar(200)  not null,           -- ce_source
    subject        varchar(200),                     -- ce_subject
    workspace_id   varchar(100)  not null,
    payload        text          not null,
    trace_parent   varchar(100),                     -- W3C traceparent of the writing transaction
    created_at     timestamptz   not null,
    sent_at        timestamptz,
    attempts       integer       not null default 0,
    last_error     varchar(1000)
);

-- The relay reads pending rows in publication order; sent rows drop out of the index.
create index outbox_event_pending on outbox_event (position) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

-- Idempotent-consumer guard: one row per consumer and event, written with the effect.
create table processed_event (
    consumer      varchar(100) not null,
    event_id      uuid         not null,
    processed_at  timestamptz  not null,
    primary key (consumer, event_id)
);

create index processed_event_processed_at on processed_event (processed_at);
