-- Accounts, API tokens and the tamper-evident audit log (SPEC §1, §11).

create table app_user (
    id                   bigserial primary key,
    username             varchar(64)  not null unique,
    display_name         text         not null,
    password_hash        text         not null,
    role                 varchar(20)  not null check (role in ('PROVINCE_ADMIN', 'CITY_ADMIN', 'COUNTY_ADMIN', 'TOWN_OFFICER',
                                                                'DATA_PROVIDER', 'ENTERPRISE', 'AUDITOR', 'SECURITY_ADMIN')),
    region_code          varchar(12)  references region (code),
    uscc                 char(18),
    datasets             text[]       not null default '{}',
    enabled              boolean      not null default true,
    failed_attempts      integer      not null default 0,
    locked_until         timestamptz,
    must_change_password boolean      not null default false,
    password_changed_at  timestamptz  not null default now(),
    created_at           timestamptz  not null default now(),
    version              integer      not null default 0,
    check (role <> 'ENTERPRISE' or uscc is not null),
    check (role = 'SECURITY_ADMIN' or region_code is not null)
);

-- Only the SHA-256 of a token is kept; the token itself is shown once.
create table api_token (
    id           bigserial primary key,
    user_id      bigint       not null references app_user (id),
    name         text         not null,
    token_hash   char(64)     not null unique,
    datasets     text[]       not null default '{}',
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Append-only, hash-chained: hash = SHA-256(prev_hash | id | at | actor | action | target | detail).
create table audit_log (
    id        bigint       primary key,
    at        timestamptz  not null,
    actor     text         not null,
    action    varchar(60)  not null,
    target    text,
    detail    text,
    prev_hash char(64)     not null,
    hash      char(64)     not null
);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;

create trigger audit_log_no_update before update or delete or truncate on audit_log
    for each statement execute function audit_log_append_only();
