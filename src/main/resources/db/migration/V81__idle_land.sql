-- 闲置土地 (SPEC §7): the development record of a transferred parcel, the daily check's runs,
-- each parcel's current status and the history of its findings; rule settings of the land module.

-- What the check needs beyond the parcel and its 标准地 contract (for a parcel without a contract,
-- or to record progress: developed area, investment, a stop, a government-caused delay).
create table land_development (
    parcel_id            bigint        primary key references parcel (id),
    agreed_start         date,
    actual_start         date,
    developed_area_m2    numeric(14, 2) check (developed_area_m2 >= 0),
    invested_wan         numeric(16, 4) check (invested_wan >= 0),
    total_investment_wan numeric(16, 4) check (total_investment_wan > 0),
    stopped_on           date,
    government_caused    boolean       not null default false,
    note                 text,
    version              integer       not null default 0,
    updated_by           text          not null,
    updated_at           timestamptz   not null default now()
);

create table idle_land_run (
    id           bigserial primary key,
    as_of        date        not null,
    trigger      varchar(10) not null check (trigger in ('SCHEDULED', 'MANUAL', 'CLI', 'API')),
    scope_prefix varchar(12) not null,
    started_by   text        not null,
    started_at   timestamptz not null default now(),
    parcels      integer     not null default 0,
    idle         integer     not null default 0,
    reclaim      integer     not null default 0,
    incomplete   integer     not null default 0,
    changed      integer     not null default 0
);

-- The latest result per parcel (NOT_IDLE included, with the date it would become idle).
create table idle_land_status (
    parcel_id    bigint        primary key references parcel (id),
    region_code  varchar(12)   not null,
    uscc         char(18),
    contract_id  bigint,
    as_of        date          not null,
    status       varchar(20)   not null check (status in ('NOT_IDLE', 'IDLE', 'RECLAIM_CANDIDATE', 'INCOMPLETE')),
    basis        varchar(12) check (basis in ('NOT_STARTED', 'STALLED')),
    since        date          not null,
    idle_from    date,
    reclaim_from date,
    fee_wan      numeric(16, 4) not null default 0,
    land_price_wan numeric(16, 4),
    reasons      text          not null,
    rules        text          not null,
    run_id       bigint        not null references idle_land_run (id)
);
create index idle_land_status_region_idx on idle_land_status (region_code varchar_pattern_ops, status);

-- History: a row whenever a parcel's finding changes (first flagged, fee changed, cleared …).
create table idle_land_finding (
    id              bigserial primary key,
    run_id          bigint        not null references idle_land_run (id),
    parcel_id       bigint        not null references parcel (id),
    region_code     varchar(12)   not null,
    uscc            char(18),
    as_of           date          not null,
    status          varchar(20)   not null,
    previous_status varchar(20),
    basis           varchar(12),
    idle_from       date,
    reclaim_from    date,
    fee_wan         numeric(16, 4) not null default 0,
    reasons         text          not null
);
create index idle_land_finding_parcel_idx on idle_land_finding (parcel_id, id desc);
create index idle_land_finding_region_idx on idle_land_finding (region_code varchar_pattern_ops, id desc);

-- Rule parameters as data, one kind per engine, per region (the longest region prefix applies),
-- every save a new version (history kept; the audit log has who and why).
create table land_setting (
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
