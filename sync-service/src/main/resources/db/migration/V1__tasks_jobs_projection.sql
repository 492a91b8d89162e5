-- sync-service: automation tasks, their per-partner jobs, the projection of integrations and
-- connected partners (from partner-service's events), and the job-scoped staging of a sync.
-- No table ever holds a Meta token: only token-vault-service's references to one.

create table integration (
    id                    uuid primary key,
    workspace_id          varchar(100) not null,
    name                  varchar(300),
    customer_business_id  varchar(40)  not null,
    token_ref             varchar(100),
    active                boolean      not null,
    -- why it is inactive (e.g. Meta rejected its token), for the 409 answer
    inactive_reason       varchar(1000),
    connected_by          varchar(200),
    -- occurredAt of the newest event applied: older events arriving late change nothing
    last_event_at         timestamptz  not null,
    updated_at            timestamptz  not null
);

create index integration_workspace on integration (workspace_id);
create index integration_active on integration (id) where active;

create table connected_partner (
    id                uuid primary key,
    workspace_id      varchar(100) not null,
    integration_id    uuid         not null,
    business_id       varchar(40)  not null,
    name              varchar(300),
    relationship      varchar(20),
    token_ref         varchar(100),
    connected         boolean      not null,
    connected_by      varchar(200),
    last_event_at     timestamptz  not null,
    updated_at        timestamptz  not null
);

create index connected_partner_integration on connected_partner (workspace_id, integration_id);

create table sync_task (
    id                         uuid primary key,
    workspace_id               varchar(100)  not null,
    integration_id             uuid          not null,
    partner_id                 uuid,
    -- the integration id, or "<integration id>/<partner id>": what one active task may cover
    target_key                 varchar(100)  not null,
    trigger                    varchar(30)   not null,
    actor                      varchar(200)  not null,
    status                     varchar(20)   not null,
    attempt                    integer       not null,
    created_at                 timestamptz   not null,
    started_at                 timestamptz,
    updated_at                 timestamptz   not null,
    finished_at                timestamptz,
    heartbeat_at               timestamptz,
    worker_id                  varchar(200),
    -- every partner was read and handed to the directory; only GuestUsersApplied is awaited
    reading_done_at            timestamptz,
    failure_reason             varchar(2000),
    partners_discovered        integer,
    discovery_graph_calls      integer       not null default 0,
    discovery_graph_requests   integer       not null default 0,
    discovery_throttled_waits  integer       not null default 0
);

-- At most one queued or running task per target: concurrent starts cannot create two.
create unique index sync_task_one_active_per_target on sync_task (workspace_id, target_key)
    where status in ('QUEUED', 'RUNNING', 'RETRYING');
create index sync_task_newest_first on sync_task (workspace_id, created_at desc, id desc);
create index sync_task_active on sync_task (status, heartbeat_at)
    where status in ('QUEUED', 'RUNNING', 'RETRYING');

create table sync_job (
    id                    uuid primary key,
    workspace_id          varchar(100)  not null,
    task_id               uuid          not null references sync_task (id),
    partner_id            uuid          not null,
    partner_business_id   varchar(40)   not null,
    partner_name          varchar(300),
    task_attempt          integer       not null,
    status                varchar(30)   not null,
    started_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    finished_at           timestamptz,
    people_read           integer       not null default 0,
    added                 integer,
    updated               integer,
    removed               integer,
    unchanged             integer,
    removals_held         integer,
    chunks_published      integer       not null default 0,
    graph_calls           integer       not null default 0,
    graph_requests        integer       not null default 0,
    throttled_waits       integer       not null default 0,
    error_reason          varchar(30),
    error_code            integer,
    error_subcode         integer,
    error_message         varchar(2000),
    error_fbtrace_id      varchar(100)
);

create index sync_job_task on sync_job (task_id);

-- Staging while a job reads: who holds which tasks on which shared asset. Written page by
-- page from assigned_users, read back for each page of people, deleted when the job ends.
-- Unlogged: a crash loses it, and a resumed job starts over under a new job id anyway.
create unlogged table sync_staged_access (
    job_id        uuid          not null,
    workspace_id  varchar(100)  not null,
    user_id       varchar(40)   not null,
    asset_id      varchar(60)   not null,
    asset_type    varchar(20)   not null,
    asset_name    varchar(300),
    tasks         varchar(1000) not null,
    primary key (job_id, user_id, asset_id)
);

-- The people a job already emitted: a listing restarted after an invalid cursor repeats
-- people, and nobody may appear twice in a job's chunks.
create unlogged table sync_seen_person (
    job_id        uuid          not null,
    workspace_id  varchar(100)  not null,
    meta_user_id  varchar(40)   not null,
    primary key (job_id, meta_user_id)
);

-- One row per firing of the daily schedule, whichever replica inserts it first runs it.
create table sync_schedule_run (
    fire_time     timestamptz primary key,
    replica       varchar(200) not null,
    started_at    timestamptz  not null,
    tasks_queued  integer      not null
);
