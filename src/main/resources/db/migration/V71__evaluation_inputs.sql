-- Inputs of the evaluation that no data set carried yet (SPEC §5 overrides and exemptions).

-- 固定资产投资 (万元) of the year, in the 统计 data set: the incentive rule sums it over the build
-- period (docs/evaluation.md, "Inputs").
alter table stats_record add column fixed_asset_investment numeric(16, 4);

-- 申请不定等级: an approved application exempts the enterprise from grading in that year when the
-- scheme accepts applications. Recorded by an admin of the region; withdrawing deletes the row
-- (both audited).
create table exemption_application (
    id          bigserial primary key,
    uscc        char(18)    not null,
    year        integer     not null check (year between 2000 and 2100),
    reason      text        not null check (length(reason) between 1 and 500),
    approved_by text        not null check (length(approved_by) between 1 and 200),
    recorded_by text        not null,
    recorded_at timestamptz not null default now(),
    unique (uscc, year)
);
create index exemption_application_year_idx on exemption_application (year, uscc);
