-- A stand-in aggregate for the outbox and consumer tests.
create table test_partner (
    id              uuid primary key,
    status          varchar(40) not null,
    disconnections  integer     not null default 0
);
