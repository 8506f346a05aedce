-- Targets per region, indicator and year (SPEC §8). The indicator names are TargetIndicator's.
create table target (
    id          bigserial primary key,
    region_code varchar(12)    not null references region (code),
    indicator   varchar(40)    not null,
    year        integer        not null check (year between 2000 and 2100),
    value       numeric(18, 4) not null,
    note        text,
    set_by      text           not null,
    set_at      timestamptz    not null default now(),
    version     integer        not null default 0,
    unique (region_code, indicator, year)
);
create index target_region_idx on target (region_code varchar_pattern_ops, year);
