-- Projects (项目全周期), 两高 admission decisions and 零增地技改 projects (SPEC §7).

create table project (
    id                 bigserial primary key,
    region_code        varchar(12)   not null,
    uscc               char(18),
    investor_name      text,
    name               text          not null,
    industry_code      varchar(6),
    planned_wan        numeric(16, 4) not null check (planned_wan >= 0),
    completed_wan      numeric(16, 4) not null default 0 check (completed_wan >= 0),
    stage              varchar(20)   not null,
    attracting_on      date          not null,
    signed_on          date,
    landed_on          date,
    started_on         date,
    completed_on       date,
    production_on      date,
    capacity_on        date,
    note               text,
    version            integer       not null default 0,
    created_by         text          not null,
    created_at         timestamptz   not null default now(),
    updated_by         text,
    updated_at         timestamptz
);
create index project_region_idx on project (region_code varchar_pattern_ops, id);
create index project_uscc_idx on project (uscc);

-- completed investment reported over time (by an official or the town)
create table project_investment_report (
    id            bigserial primary key,
    project_id    bigint        not null references project (id) on delete cascade,
    reported_on   date          not null,
    completed_wan numeric(16, 4) not null check (completed_wan >= 0),
    note          text,
    reported_by   text          not null,
    reported_at   timestamptz   not null default now()
);
create index project_investment_report_idx on project_investment_report (project_id, id);

create table project_stage_change (
    id          bigserial primary key,
    project_id  bigint      not null references project (id) on delete cascade,
    from_stage  varchar(20) not null,
    to_stage    varchar(20) not null,
    on_date     date        not null,
    note        text,
    changed_by  text        not null,
    changed_at  timestamptz not null default now()
);

-- 两高 admission: every decision kept with its inputs, figures and reasons
create table lianggao_decision (
    id                   bigserial primary key,
    region_code          varchar(12)   not null,
    uscc                 char(18),
    applicant_name       text          not null,
    project_name         text          not null,
    industry_code        varchar(6)    not null,
    annual_energy_tce    numeric(18, 4) not null,
    annual_output_wan    numeric(16, 4) not null,
    new_capacity         numeric(18, 4),
    replaced_capacity    numeric(18, 4),
    capacity_unit        text,
    verdict              varchar(8)    not null check (verdict in ('ADMIT', 'REJECT')),
    lianggao             boolean       not null,
    intensity            numeric(14, 4),
    max_intensity        numeric(14, 4) not null,
    standard_prefix      varchar(6),
    replacement_ratio    numeric(10, 4),
    required_replaced    numeric(18, 4),
    reasons              text          not null,
    rules_version        integer       not null,
    decided_by           text          not null,
    decided_at           timestamptz   not null default now()
);
create index lianggao_decision_region_idx on lianggao_decision (region_code varchar_pattern_ops, id desc);

-- 零增地技改 projects with the amounts computed by the rules in force
create table zero_land_project (
    id                    bigserial primary key,
    region_code           varchar(12)   not null,
    uscc                  char(18)      not null,
    name                  text          not null,
    project_investment_wan numeric(16, 4) not null check (project_investment_wan >= 0),
    equipment_wan         numeric(16, 4) not null check (equipment_wan >= 0),
    new_floor_area_m2     numeric(14, 2) not null check (new_floor_area_m2 >= 0),
    floors                integer       not null check (floors >= 1),
    enterprise_class      varchar(1) check (enterprise_class in ('A', 'B', 'C', 'D')),
    class_source          varchar(12)   not null check (class_source in ('EVALUATION', 'OFFICIAL', 'NONE')),
    equipment_subsidy_wan numeric(16, 4) not null,
    floor_reward_wan      numeric(16, 4) not null,
    reward_basis          varchar(8)    not null,
    total_wan             numeric(16, 4) not null,
    explanation           text          not null,
    rules_version         integer       not null,
    note                  text,
    created_by            text          not null,
    created_at            timestamptz   not null default now()
);
create index zero_land_project_region_idx on zero_land_project (region_code varchar_pattern_ops, id desc);

-- Rule parameters of the project module (两高 standards, 零增地技改 rules), per region, versioned.
create table project_setting (
    id          bigserial primary key,
    kind        varchar(30) not null,
    region_code varchar(12) not null,
    version     integer     not null,
    body        text        not null,
    note        text,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    unique (kind, region_code, version)
);
