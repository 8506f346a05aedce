-- Core master data and data-set tables (SPEC §2, §3). Later modules add their own
-- migrations: V2x security/audit, V3x ingest, V4x demo, V5x energy/master UI.

create table region (
    code        varchar(12) primary key,
    name        text        not null,
    level       varchar(10) not null check (level in ('province', 'city', 'county', 'town')),
    parent_code varchar(12) references region (code)
);
create index region_parent_idx on region (parent_code);

-- County boundaries and other geometry as GeoJSON text (WGS84 lon/lat).
create table region_geometry (
    code     varchar(12) primary key references region (code),
    geojson  text not null
);

-- 开发区, 工业园区, 小微企业园, 特色小镇: named polygons that are not divisions.
create table zone (
    id          bigserial primary key,
    name        text        not null,
    kind        varchar(30) not null check (kind in ('DEVELOPMENT_ZONE', 'INDUSTRIAL_PARK', 'MICRO_PARK', 'CHARACTERISTIC_TOWN')),
    region_code varchar(12) not null references region (code),
    star_rating smallint check (star_rating between 1 and 5),
    geojson     text,
    unique (region_code, name)
);

-- GB/T 4754-2017: section letter plus 2/3/4-digit codes, stored as e.g. C, C26, C261, C2611.
create table industry (
    code        varchar(6)  primary key,
    name        text        not null,
    name_en     text,
    level       varchar(10) not null check (level in ('section', 'division', 'group', 'class')),
    parent_code varchar(6) references industry (code)
);

-- Named industry sets (六大高耗能行业, 两高 …): members are code prefixes.
create table industry_set (
    key  varchar(40) primary key,
    name text not null,
    name_en text
);
create table industry_set_member (
    set_key         varchar(40) not null references industry_set (key) on delete cascade,
    industry_prefix varchar(6)  not null,
    primary key (set_key, industry_prefix)
);

create table enterprise (
    id               bigserial primary key,
    uscc             char(18)    not null unique,
    name             text        not null,
    region_code      varchar(12) not null references region (code),
    zone_id          bigint references zone (id),
    industry_code    varchar(6),
    size_class       varchar(5)  not null check (size_class in ('ABOVE', 'BELOW')),
    status           varchar(10) not null default 'OPERATING' check (status in ('OPERATING', 'SUSPENDED', 'CLOSED', 'MERGED')),
    merged_into_uscc char(18),
    registered_on    date,
    flags            text[]      not null default '{}',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer     not null default 0
);
create index enterprise_region_idx on enterprise (region_code varchar_pattern_ops);
create index enterprise_industry_idx on enterprise (industry_code varchar_pattern_ops);
create index enterprise_name_idx on enterprise (name text_pattern_ops);

-- Legal pilot codes that fail the GB 32100 check digit, admitted by an admin.
create table uscc_override (
    uscc       char(18) primary key,
    reason     text        not null,
    added_by   text        not null,
    added_at   timestamptz not null default now()
);

create table parcel (
    id                 bigserial primary key,
    certificate_no     text          not null unique,
    owner_uscc         char(18),
    region_code        varchar(12)   not null references region (code),
    area_m2            numeric(14, 2) not null check (area_m2 > 0),
    land_use           text,
    geojson            text,
    standard_land      boolean       not null default false,
    transfer_date      date,
    transfer_price_wan numeric(16, 4) check (transfer_price_wan >= 0),
    updated_at         timestamptz   not null default now()
);
create index parcel_owner_idx on parcel (owner_uscc);
create index parcel_region_idx on parcel (region_code varchar_pattern_ops);

-- 出租/承租 between enterprises; the years are inclusive.
create table lease (
    id          bigserial primary key,
    parcel_id   bigint        references parcel (id),
    lessor_uscc char(18)      not null,
    lessee_uscc char(18)      not null,
    area_m2     numeric(14, 2) not null check (area_m2 > 0),
    start_year  integer       not null,
    end_year    integer       not null,
    check (end_year >= start_year),
    check (lessor_uscc <> lessee_uscc)
);
create index lease_lessor_idx on lease (lessor_uscc);
create index lease_lessee_idx on lease (lessee_uscc);

-- Department data sets (SPEC §3). Money in 万元, energy in natural units.
create table tax_record (
    uscc                 char(18) not null,
    year                 integer  not null,
    total_tax            numeric(16, 4) not null,
    vat                  numeric(16, 4),
    corporate_income_tax numeric(16, 4),
    other_tax            numeric(16, 4),
    refund               numeric(16, 4),
    upload_id            bigint,
    updated_at           timestamptz not null default now(),
    primary key (uscc, year)
);

create table stats_record (
    uscc          char(18) not null,
    year          integer  not null,
    revenue       numeric(16, 4),
    gross_output  numeric(16, 4),
    value_added   numeric(16, 4),
    employees     numeric(12, 2),
    rnd_expense   numeric(16, 4),
    above_scale   boolean,
    upload_id     bigint,
    updated_at    timestamptz not null default now(),
    primary key (uscc, year)
);

-- month 0 = whole-year total
create table electricity_record (
    uscc       char(18) not null,
    year       integer  not null,
    month      smallint not null check (month between 0 and 12),
    kwh        numeric(18, 2) not null,
    upload_id  bigint,
    updated_at timestamptz not null default now(),
    primary key (uscc, year, month)
);

create table energy_record (
    uscc        char(18)    not null,
    year        integer     not null,
    energy_type varchar(20) not null,
    quantity    numeric(18, 4) not null,
    unit        varchar(10) not null,
    upload_id   bigint,
    updated_at  timestamptz not null default now(),
    primary key (uscc, year, energy_type)
);

create table emission_record (
    uscc             char(18) not null,
    year             integer  not null,
    cod              numeric(14, 4),
    ammonia_nitrogen numeric(14, 4),
    so2              numeric(14, 4),
    nox              numeric(14, 4),
    upload_id        bigint,
    updated_at       timestamptz not null default now(),
    primary key (uscc, year)
);

create table event_record (
    uscc        char(18)    not null,
    event_date  date        not null,
    event_type  varchar(30) not null,
    description text,
    upload_id   bigint,
    updated_at  timestamptz not null default now(),
    primary key (uscc, event_date, event_type)
);
