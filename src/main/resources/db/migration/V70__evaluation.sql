-- 亩均效益综合评价 (SPEC §5): schemes, runs, the inputs and results of every run.
--
-- A scheme is one row per version of a region and year. Version 1 starts as a DRAFT; publishing
-- freezes the row for good (a trigger refuses any change or deletion of a PUBLISHED row); editing a
-- published scheme creates the next version as a new DRAFT. There is at most one draft per region
-- and year. lock_version is the optimistic lock of draft edits. body is the engine's JSON
-- (org.mujun.evaluation.SchemeFiles.toJson).
create table evaluation_scheme (
    id           bigserial primary key,
    region_code  varchar(12) not null references region (code),
    year         integer     not null check (year between 2000 and 2100),
    version      integer     not null check (version >= 1),
    status       varchar(10) not null check (status in ('DRAFT', 'PUBLISHED')),
    name         text        not null,
    body         jsonb       not null,
    based_on     bigint references evaluation_scheme (id),
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    updated_by   text        not null,
    updated_at   timestamptz not null default now(),
    published_by text,
    published_at timestamptz,
    lock_version integer     not null default 0,
    unique (region_code, year, version),
    check ((status = 'PUBLISHED') = (published_at is not null))
);
create unique index evaluation_scheme_one_draft on evaluation_scheme (region_code, year) where status = 'DRAFT';
create index evaluation_scheme_list_idx on evaluation_scheme ((region_code collate "C"), year desc, version desc);

create function evaluation_scheme_frozen() returns trigger language plpgsql as $$
begin
    if old.status = 'PUBLISHED' then
        raise exception 'evaluation scheme % version % is published and cannot change', old.region_code, old.version;
    end if;
    if tg_op = 'UPDATE' and (new.region_code <> old.region_code or new.year <> old.year or new.version <> old.version) then
        raise exception 'the region, year and version of an evaluation scheme never change';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger evaluation_scheme_frozen before update or delete on evaluation_scheme
    for each row execute function evaluation_scheme_frozen();

-- Run statuses are rows, not a CHECK list, so that later workflow steps (公示 PUBLICIZING, FINAL,
-- SUPERSEDED …) are added by inserting rows here; evaluation_run.status references this table.
create table evaluation_run_status (
    code    varchar(20) primary key,
    name_zh text not null,
    name_en text not null
);
insert into evaluation_run_status (code, name_zh, name_en) values ('COMPUTED', '已计算', 'computed');

-- One evaluation run: immutable record of what was computed from what (SPEC §5 "Run"). Only the
-- status columns (and columns added later for the workflow) may change; the trigger below refuses
-- changes to everything that identifies the computation, and refuses deletion.
--   input_hash   SHA-256 (hex) of the canonical serialisation of every input row (docs/evaluation.md)
--   scheme_body  the scheme exactly as run (a draft may change after a what-if run)
--   summary      per population: size, exempt, benchmarks (Σ numerators, Σ denominators, b, min, max per
--                scope), missing-value scores, class counts and boundaries (EvaluationResult.PopulationSummary[])
--   sources      how the inputs were read: land rule, coefficient version, electricity factor, size source
create table evaluation_run (
    id                  bigserial primary key,
    scheme_id           bigint      not null references evaluation_scheme (id),
    scheme_version      integer     not null,
    scheme_lock_version integer     not null,
    region_code         varchar(12) not null references region (code),
    year                integer     not null,
    kind                varchar(10) not null check (kind in ('OFFICIAL', 'WHAT_IF')),
    status              varchar(20) not null default 'COMPUTED' references evaluation_run_status (code),
    status_changed_by   text,
    status_changed_at   timestamptz,
    input_hash          char(64)    not null,
    input_count         integer     not null,
    graded_count        integer     not null,
    exempt_count        integer     not null,
    not_evaluated_count integer     not null,
    scheme_body         jsonb       not null,
    summary             jsonb       not null,
    sources             jsonb       not null,
    timings             jsonb       not null,
    run_by              text        not null,
    run_at              timestamptz not null default now()
);
create index evaluation_run_list_idx on evaluation_run ((region_code collate "C"), year desc, id desc);
create index evaluation_run_scheme_idx on evaluation_run (scheme_id);

create function evaluation_run_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'evaluation run % is immutable and cannot be deleted', old.id;
    end if;
    if (new.id, new.scheme_id, new.scheme_version, new.scheme_lock_version, new.region_code, new.year, new.kind, new.input_hash,
        new.input_count, new.graded_count, new.exempt_count, new.not_evaluated_count, new.scheme_body, new.summary, new.sources,
        new.timings, new.run_by, new.run_at)
       is distinct from
       (old.id, old.scheme_id, old.scheme_version, old.scheme_lock_version, old.region_code, old.year, old.kind, old.input_hash,
        old.input_count, old.graded_count, old.exempt_count, old.not_evaluated_count, old.scheme_body, old.summary, old.sources,
        old.timings, old.run_by, old.run_at) then
        raise exception 'evaluation run % is immutable: only its status may change', old.id;
    end if;
    return new;
end $$;
create trigger evaluation_run_immutable before update or delete on evaluation_run
    for each row execute function evaluation_run_immutable();

-- The inputs of a run, one row per enterprise read (so any result can be reproduced later, "as
-- published on date X"). Figures as the engine read them (double precision, NaN never stored: null
-- = missing); the *_upload columns and land_*_m2 say where they came from.
create table evaluation_run_input (
    run_id                  bigint      not null,
    uscc                    char(18)    not null,
    name                    text        not null,
    region_code             varchar(12) not null,
    industry_code           varchar(6),
    size_class              varchar(5)  not null,
    size_source             varchar(6)  not null check (size_source in ('STATS', 'MASTER')),
    status                  varchar(10) not null,
    registered_on           date,
    flags                   text[]      not null,
    renter                  boolean     not null,
    tenant_count            integer     not null,
    land_mu                 double precision,
    land_owned_m2           double precision,
    land_leased_in_m2       double precision,
    land_leased_out_m2      double precision,
    land_merged_into        char(18),
    tax_wan                 double precision,
    value_added_wan         double precision,
    revenue_wan             double precision,
    energy_tce              double precision,
    emissions_t             double precision,
    employees               double precision,
    rnd_wan                 double precision,
    electricity_kwh         double precision,
    electricity_from_months boolean     not null,
    water_m3                double precision,
    gas_m3                  double precision,
    land_use_tax_yuan       double precision,
    events                  text[]      not null,
    fixed_asset_investment_wan double precision,
    land_transferred_on     date,
    exemption_applied       text,
    tax_upload              bigint,
    stats_upload            bigint,
    electricity_upload      bigint,
    energy_upload           bigint,
    emission_upload         bigint,
    primary key (run_id, uscc)
);

-- One partition per run: a run's rows are copied into a fresh table and attached, so PostgreSQL builds
-- the indexes below for the run in one sorted pass instead of 200,000 × 5 index insertions, and every
-- page of a run reads only its own partition.
-- The result of every enterprise of a run (SPEC §5 "Run": indicator values, benchmarks, scores,
-- bonuses, total, rank in region and industry, class, every override applied and why). Indicator
-- columns are arrays in the order of the population's indicators: the scheme (evaluation_run.
-- scheme_body) gives kinds, units and weights, the summary the benchmark of each scope (the row's
-- industry_group for group benchmarks); a null value is a missing one (its score is then the average
-- or 0 as the scheme says). industry_percentile: % of the population's members of the same 大类 with
-- a value whose value is ≤ this one (100 = best), the explanation's industry comparison.
create table evaluation_result (
    run_id              bigint      not null,
    uscc                char(18)    not null,
    name                text        not null,
    region_code         varchar(12) not null,
    industry_code       varchar(6),
    industry_division   varchar(6),
    industry_group      text,
    population          varchar(12),
    outcome             varchar(14) not null check (outcome in ('GRADED', 'EXEMPT', 'NOT_EVALUATED')),
    reason_zh           text,
    reason_en           text,
    indicator_values    double precision[],
    indicator_scores    double precision[],
    industry_percentile double precision[],
    industry_peers      integer[],
    adjustments         jsonb,
    adjustment_total    double precision,
    total               double precision,
    tax_per_mu          double precision,
    rank                integer,
    population_size     integer,
    industry_rank       integer,
    industry_size       integer,
    score_class         char(1),
    final_class         char(1),
    managed_as          char(1),
    overrides           jsonb,
    primary key (run_id, uscc)
) partition by list (run_id);
-- The results page: a run's rows in rank order per population, the class, town and industry filters,
-- the order by 亩均税收 (a name filter goes through the enterprise table's bigram index and the primary
-- key). Every partition holds one run, so run_id is left out of these indexes.
create index evaluation_result_rank_idx on evaluation_result (population, rank);
create index evaluation_result_class_idx on evaluation_result (final_class, population, rank);
create index evaluation_result_region_idx on evaluation_result ((region_code collate "C"), population, rank);
create index evaluation_result_industry_idx on evaluation_result ((industry_code collate "C"), population, rank);
create index evaluation_result_tax_idx on evaluation_result (tax_per_mu desc nulls last, uscc);
-- (An enterprise's results across runs, for its page, are found run by run through the primary key.)

-- Inputs and results are written once, by COPY (binary format), in the run's transaction, before the run row itself
-- (whose timings include the writing): run_id is therefore not a foreign key (checking 400,000
-- references at commit would cost a second per run); nothing else writes these tables, and nothing
-- may change them.
create function evaluation_rows_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% rows are immutable (they belong to an evaluation run)', tg_table_name;
end $$;
create trigger evaluation_result_immutable before truncate on evaluation_result
    for each statement execute function evaluation_rows_immutable();
-- row-level, so that the partitions carry it too
create trigger evaluation_result_rows_immutable before update or delete on evaluation_result
    for each row execute function evaluation_rows_immutable();
create trigger evaluation_run_input_immutable before update or delete or truncate on evaluation_run_input
    for each statement execute function evaluation_rows_immutable();
