-- Integrations and their Meta Business Partners. No token is ever stored here: only
-- token-vault-service's reference to it and its fingerprint (last 4 characters, SHA-256 prefix).

create table integration (
    id                        uuid primary key,
    workspace_id              varchar(100)  not null,
    name                      varchar(100)  not null,
    meta_business_id          varchar(20)   not null,
    status                    varchar(30)   not null,
    token_ref                 varchar(100)  not null,
    token_last4               varchar(4)    not null,
    token_sha256_prefix       varchar(64)   not null,
    created_at                timestamptz   not null,
    created_by                varchar(200)  not null,
    snapshot_at               timestamptz,              -- occurredAt of the newest discovery snapshot applied
    last_sync_at              timestamptz,              -- the most recent sync job of any of its partners
    last_sync_task_id         uuid,
    last_sync_outcome         varchar(20),
    last_sync_added           integer,
    last_sync_updated         integer,
    last_sync_removed         integer,
    last_sync_unchanged       integer,
    last_sync_removals_held   integer,
    last_sync_failure_reason  varchar(40),
    last_sync_graph_code      integer,
    last_sync_graph_message   text,
    constraint integration_business_unique unique (workspace_id, meta_business_id)
);

create table partner (
    id                        uuid primary key,
    workspace_id              varchar(100)  not null,
    integration_id            uuid          not null references integration (id),
    business_id               varchar(20)   not null,
    name                      text          not null,   -- as Meta spells it, unbounded
    relationship              varchar(10)   not null,
    verification_status       text,
    shared_assets             jsonb         not null,   -- [{assetId, assetType, name, permittedTasks}]
    status                    varchar(30)   not null,
    token_ref                 varchar(100),             -- kept while access is removed, dropped on disconnect
    token_last4               varchar(4),
    token_sha256_prefix       varchar(64),
    token_valid               boolean       not null,
    connected_at              timestamptz,
    connected_by              varchar(200),
    last_sync_at              timestamptz,
    last_sync_task_id         uuid,
    last_sync_outcome         varchar(20),
    last_sync_added           integer,
    last_sync_updated         integer,
    last_sync_removed         integer,
    last_sync_unchanged       integer,
    last_sync_removals_held   integer,
    last_sync_failure_reason  varchar(40),
    last_sync_graph_code      integer,
    last_sync_graph_message   text,
    created_at                timestamptz   not null,
    updated_at                timestamptz   not null,
    constraint partner_business_unique unique (integration_id, business_id)
);

create index partner_by_integration on partner (workspace_id, integration_id, status);

create table partner_status_change (
    id            uuid primary key,
    position      bigint generated always as identity,
    workspace_id  varchar(100)  not null,
    partner_id    uuid          not null references partner (id),
    from_status   varchar(30),                         -- null on the row of the partner's discovery
    to_status     varchar(30)   not null,
    changed_at    timestamptz   not null,
    changed_by    varchar(200),                        -- the user, or
    event_type    varchar(200),                        -- the event (CloudEvents type and id) that caused it
    event_id      uuid,
    reason        varchar(500),
    constraint partner_status_change_cause check ((changed_by is null) <> (event_id is null))
);

create index partner_status_change_by_partner on partner_status_change (workspace_id, partner_id, position);
