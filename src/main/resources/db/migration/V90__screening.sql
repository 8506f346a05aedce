-- 高耗低效 screening and the closed loop (SPEC §6): rules per region and year, screening runs, cases with their
-- fired rules and transition history, 一企一方案 plans with milestones and progress, mergers, overdue checks.
-- Case rows carry the enterprise's region_code and uscc so every read goes through jurisdiction.

create table screening_rules (
    id                   bigserial primary key,
    region_code          varchar(12) not null,
    year                 integer     not null check (year between 2000 and 2100),
    tax_enabled          boolean     not null,
    tax_tiers            numeric(12, 4)[] not null,
    class_d_enabled      boolean     not null,
    class_d_years        integer     not null,
    energy_enabled       boolean     not null,
    energy_share         numeric(8, 4) not null,
    below_scale_enabled  boolean     not null,
    below_scale_mu       numeric(12, 4) not null,
    lianggao_enabled     boolean     not null,
    outside_zone_enabled boolean     not null,
    revenue_enabled      boolean     not null,
    revenue_wan          numeric(16, 4) not null,
    revenue_tax_per_mu   numeric(12, 4) not null,
    revenue_years        integer     not null,
    min_hits             integer     not null,
    version              integer     not null default 0,
    updated_by           text        not null,
    updated_at           timestamptz not null default now(),
    unique (region_code, year)
);

create table screening_run (
    id                bigserial primary key,
    region_code       varchar(12) not null,
    year              integer     not null,
    evaluation_run_id bigint      not null,
    earlier_run_ids   text        not null default '',
    rules_text        text        not null,
    enterprises       integer     not null,
    candidates        integer     not null,
    created           integer     not null,
    skipped           integer     not null,
    run_by            text        not null,
    run_at            timestamptz not null default now()
);
create index screening_run_region_idx on screening_run (region_code, year, id);

create table screening_case (
    id               bigserial primary key,
    region_code      varchar(12) not null,
    uscc             char(18)    not null,
    name             text        not null,
    industry_code    varchar(10),
    year             integer     not null,
    screening_run_id bigint      references screening_run (id),
    state            varchar(20) not null,
    version          integer     not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    listed_on        date,
    closed_on        date,
    unique (uscc, year)
);
-- at most one open case per enterprise
create unique index screening_case_open_idx on screening_case (uscc)
    where state not in ('REJECTED', 'DISMISSED', 'DELISTED', 'CLOSED', 'EXITED', 'MERGED');
create index screening_case_region_idx on screening_case (region_code, state);

create table screening_hit (
    id        bigserial primary key,
    case_id   bigint  not null references screening_case (id),
    rule      varchar(30) not null,
    value     numeric(20, 4),
    threshold numeric(20, 4),
    detail_zh text    not null,
    detail_en text    not null
);
create index screening_hit_case_idx on screening_hit (case_id);

create table screening_transition (
    id          bigserial primary key,
    case_id     bigint      not null references screening_case (id),
    region_code varchar(12) not null,
    uscc        char(18)    not null,
    from_state  varchar(20),
    to_state    varchar(20) not null,
    action      varchar(20) not null,
    actor       text        not null,
    at          timestamptz not null default now(),
    reason      text,
    evidence    text        not null default '',
    proof       text,
    audit_id    bigint
);
create index screening_transition_case_idx on screening_transition (case_id, id);

create function screening_transition_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'screening transition % cannot be changed', old.id;
end $$;
create trigger screening_transition_immutable before update or delete on screening_transition
    for each row execute function screening_transition_immutable();

create table screening_plan (
    id             bigserial primary key,
    case_id        bigint      not null unique references screening_case (id),
    region_code    varchar(12) not null,
    uscc           char(18)    not null,
    approach       varchar(30) not null,
    measures       text        not null,
    freed_mu       numeric(14, 4) not null default 0 check (freed_mu >= 0),
    freed_tce      numeric(14, 4) not null default 0 check (freed_tce >= 0),
    cut_co2_t      numeric(14, 4) not null default 0 check (cut_co2_t >= 0),
    tax_uplift_wan numeric(14, 4) not null default 0,
    version        integer     not null default 0,
    updated_by     text        not null,
    updated_at     timestamptz not null default now(),
    approved_by    text,
    approved_at    timestamptz
);

create table screening_milestone (
    id               bigserial primary key,
    plan_id          bigint      not null references screening_plan (id) on delete cascade,
    region_code      varchar(12) not null,
    uscc             char(18)    not null,
    seq              integer     not null,
    title            text        not null,
    deadline         date        not null,
    responsible_unit text        not null,
    percent          integer     not null default 0 check (percent between 0 and 100),
    done_on          date,
    overdue          boolean     not null default false,
    flagged_on       date
);
create index screening_milestone_plan_idx on screening_milestone (plan_id, seq);
create index screening_milestone_overdue_idx on screening_milestone (region_code) where overdue;

create table screening_progress (
    id           bigserial primary key,
    milestone_id bigint      not null references screening_milestone (id) on delete cascade,
    region_code  varchar(12) not null,
    uscc         char(18)    not null,
    percent      integer     not null check (percent between 0 and 100),
    note         text        not null,
    reported_by  text        not null,
    reported_at  timestamptz not null default now()
);
create index screening_progress_milestone_idx on screening_progress (milestone_id, id);

create table screening_merger (
    id             bigserial primary key,
    case_id        bigint      not null unique references screening_case (id),
    region_code    varchar(12) not null,
    uscc           char(18)    not null,
    acquirer_uscc  char(18)    not null,
    acquirer_name  text        not null,
    acquirer_class char(1)     not null check (acquirer_class in ('A', 'B')),
    class_year     integer     not null,
    land_mu        numeric(14, 4) not null,
    energy_tce     numeric(14, 4) not null,
    emission_t     numeric(14, 4) not null,
    parcels        text        not null default '',
    reward_basis   text        not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null default now()
);

create table screening_overdue_check (
    id         bigserial primary key,
    checked_on date        not null,
    milestones integer     not null,
    overdue    integer     not null,
    newly      integer     not null,
    run_by     text        not null,
    run_at     timestamptz not null default now()
);
