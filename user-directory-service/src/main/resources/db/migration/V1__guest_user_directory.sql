-- Trigram indexes back the text search on name and email (contrib extension; the
-- embedded PostgreSQL 17 binaries and the postgres images ship it).
create extension if not exists pg_trgm;

-- One row per partner whose people the directory holds. Every write to a partner's people
-- (a chunk, a run's finalization, a disconnect, a held-removal decision) locks this row
-- first, so they never interleave. apply_seq counts applied chunks: a person stores the
-- sequence number of the chunk that last saw them, which tells exactly who a run saw.
create table partner_directory (
    workspace_id        varchar(100) not null,
    partner_id          uuid         not null,
    integration_id      uuid         not null,
    partner_business_id varchar(50)  not null,
    apply_seq           bigint       not null default 0,
    disconnected_at     timestamptz,
    primary key (workspace_id, partner_id)
);

create index partner_directory_integration on partner_directory (workspace_id, integration_id);

-- A Meta Business guest user: a person, system user or pending invite of a partner business.
create table guest_user (
    id                  uuid          primary key,
    workspace_id        varchar(100)  not null,
    integration_id      uuid          not null,
    partner_id          uuid          not null,
    partner_business_id varchar(50)   not null,
    meta_user_id        varchar(100)  not null,
    kind                varchar(20)   not null,
    name                varchar(500),
    email               varchar(500),
    role                varchar(100),
    two_factor_status   varchar(100),
    title               varchar(500),
    invited_at          timestamptz,
    invite_expires_at   timestamptz,
    -- [{"assetId","assetType","assetName","tasks":[...]}], sorted by asset id, tasks sorted
    assets              jsonb         not null default '[]',
    -- the flags that depend on the person's data only; STALE_PENDING_INVITE depends on the
    -- clock and is derived from invited_at when read
    risk_flags          text[]        not null default '{}',
    status              varchar(20)   not null,
    removed_at          timestamptz,
    removal_reason      varchar(200),
    first_seen_at       timestamptz   not null,
    last_seen_at        timestamptz   not null,
    last_seen_job_id    uuid          not null,
    last_seen_seq       bigint        not null,
    constraint guest_user_identity unique (workspace_id, integration_id, partner_id, meta_user_id, kind)
);

-- Keyset paging: one index per sort key, ending with the id that breaks ties.
create index guest_user_by_name on guest_user (workspace_id, integration_id, lower(coalesce(name, '')), id);
create index guest_user_by_email on guest_user (workspace_id, integration_id, lower(coalesce(email, '')), id);
create index guest_user_by_role on guest_user (workspace_id, integration_id, coalesce(role, ''), id);
create index guest_user_by_last_seen on guest_user (workspace_id, integration_id, last_seen_at, id);
create index guest_user_by_first_seen on guest_user (workspace_id, integration_id, first_seen_at, id);

-- Filters and tab counts.
create index guest_user_facets on guest_user (workspace_id, integration_id, status, kind, partner_id, role);
create index guest_user_search on guest_user
    using gin ((lower(coalesce(name, '') || ' ' || coalesce(email, ''))) gin_trgm_ops);
create index guest_user_risk_flags on guest_user using gin (risk_flags);
create index guest_user_assets on guest_user using gin (assets jsonb_path_ops);
create index guest_user_pending_invites on guest_user (workspace_id, integration_id, invited_at)
    where kind = 'PENDING_INVITE' and status = 'ACTIVE';

-- Finalizing a run: the partner's active people and when a run last saw them.
create index guest_user_partner on guest_user (workspace_id, partner_id, status, last_seen_seq);
-- Accepted invites: a new business user is matched to the partner's invite by email.
create index guest_user_invite_email on guest_user (workspace_id, partner_id, lower(email))
    where kind = 'PENDING_INVITE';

-- What changed for whom, when, in which run. before/after are JSON values (a string, a
-- list of tasks, an asset). The person's name and email are kept as they were then.
create table guest_user_change (
    id              bigint        generated always as identity primary key,
    workspace_id    varchar(100)  not null,
    integration_id  uuid          not null,
    partner_id      uuid          not null,
    guest_user_id   uuid          not null references guest_user (id),
    person_name     varchar(500),
    person_email    varchar(500),
    change          varchar(40)   not null,
    asset_id        varchar(100),
    before_value    jsonb,
    after_value     jsonb,
    reason          varchar(200),
    job_id          uuid,
    actor           varchar(200),
    occurred_at     timestamptz   not null
);

create index guest_user_change_by_person on guest_user_change (guest_user_id, occurred_at desc, id desc);
create index guest_user_change_by_integration on guest_user_change (workspace_id, integration_id, occurred_at desc, id desc);

-- A sync run (one sync job of one partner) and the chunks of it that arrived. A chunk of a
-- partner disconnected after the job began is recorded but not applied.
create table sync_run (
    job_id              uuid          primary key,
    workspace_id        varchar(100)  not null,
    integration_id      uuid          not null,
    partner_id          uuid          not null,
    task_id             uuid          not null,
    status              varchar(20)   not null,
    first_seq           bigint        not null,
    last_chunk_index    integer,
    highest_chunk_index integer       not null,
    chunks_received     integer       not null default 0,
    added               integer       not null default 0,
    updated             integer       not null default 0,
    unchanged           integer       not null default 0,
    removed             integer       not null default 0,
    removals_held       integer       not null default 0,
    started_at          timestamptz   not null,
    finalized_at        timestamptz
);

create index sync_run_partner on sync_run (workspace_id, partner_id, started_at);

create table sync_run_chunk (
    job_id        uuid          not null references sync_run (job_id),
    chunk_index   integer       not null,
    workspace_id  varchar(100)  not null,
    event_id      uuid          not null,
    people        integer       not null,
    applied       boolean       not null,
    received_at   timestamptz   not null,
    primary key (job_id, chunk_index)
);

-- Removals the sync safeguard held for an admin to confirm or discard.
create table held_removal (
    id              uuid          primary key,
    workspace_id    varchar(100)  not null,
    integration_id  uuid          not null,
    partner_id      uuid          not null,
    job_id          uuid          not null unique references sync_run (job_id),
    status          varchar(20)   not null,
    people          integer       not null,
    active_people   integer       not null,
    removed         integer,
    held_at         timestamptz   not null,
    decided_at      timestamptz,
    decided_by      varchar(200),
    superseded_by   uuid
);

create index held_removal_by_integration on held_removal (workspace_id, integration_id, held_at desc);
create index held_removal_pending on held_removal (workspace_id, partner_id) where status = 'PENDING';

create table held_removal_person (
    held_removal_id  uuid          not null references held_removal (id),
    guest_user_id    uuid          not null references guest_user (id),
    workspace_id     varchar(100)  not null,
    primary key (held_removal_id, guest_user_id)
);
