-- token-vault-service: what is known about stored tokens (never a token), who did what with them,
-- and the embedded store's encrypted secrets.

create table token (
    token_ref                  varchar(40)   primary key,          -- tok_<uuid>
    workspace_id               varchar(100)  not null,
    owner_kind                 varchar(20)   not null,             -- INTEGRATION | PARTNER
    owner_id                   uuid          not null,
    business_id                varchar(20)   not null,
    business_name              varchar(300),
    status                     varchar(20)   not null,             -- ACTIVE | ROTATED | DESTROYED | INVALID
    fingerprint_last4          varchar(4)    not null,
    fingerprint_sha256_prefix  varchar(12)   not null,
    system_user_id             varchar(40),
    system_user_name           varchar(300),
    app_id                     varchar(40),
    scopes                     jsonb         not null,
    expires_at                 timestamptz,
    warnings                   jsonb         not null,
    secret_version             integer,                            -- Vault KV v2 version; null in the embedded store
    stored_by                  varchar(100)  not null,
    stored_at                  timestamptz   not null,
    last_validated_at          timestamptz   not null,
    last_validation_outcome    varchar(20)   not null,             -- VALID | REFUSED
    last_validation_failures   jsonb         not null,
    replaced_by                varchar(40),
    destroyed_at               timestamptz,
    secret_purged_at           timestamptz                         -- null while a retired token's secret still awaits destruction
);

-- At most one live token per owner; rotation retires the old one in the same transaction.
create unique index token_one_active_per_owner on token (workspace_id, owner_kind, owner_id) where status = 'ACTIVE';
create index token_owner_history on token (workspace_id, owner_kind, owner_id, stored_at);
create index token_revalidation_due on token (last_validated_at) where status = 'ACTIVE';
create index token_purge_pending on token (workspace_id) where status <> 'ACTIVE' and secret_purged_at is null;

create table token_audit (
    id            bigint generated always as identity primary key,
    workspace_id  varchar(100)  not null,
    token_ref     varchar(40)   not null,
    actor         varchar(100)  not null,                          -- the calling service
    action        varchar(30)   not null,                          -- STORE | ROTATE | READ | DELETE | VALIDATE | DESTROY_ON_EVENT
    outcome       varchar(500)  not null,
    at            timestamptz   not null
);

create index token_audit_by_token on token_audit (workspace_id, token_ref, at);

-- The embedded store only (partnersync.token-store.kind=embedded): AES-256-GCM, a random 12-byte
-- nonce per write, the token reference as associated data.
create table token_secret (
    token_ref     varchar(40)   primary key,
    workspace_id  varchar(100)  not null,
    owner_kind    varchar(20)   not null,
    owner_id      uuid          not null,
    nonce         bytea         not null,
    ciphertext    bytea         not null,
    created_at    timestamptz   not null
);

create index token_secret_owner on token_secret (workspace_id, owner_kind, owner_id);
