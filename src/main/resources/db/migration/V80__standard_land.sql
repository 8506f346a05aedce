-- 标准地 contracts and their 达产复核 (SPEC §7), stored for StandardLandContract / StandardLandReview.
-- region_code and uscc are copied onto every row that a list shows, so jurisdiction (SCOPE) is one
-- predicate on the row itself.

create table standard_land_contract (
    id                        bigserial primary key,
    contract_no               text          not null unique,
    parcel_id                 bigint        not null references parcel (id),
    uscc                      char(18)      not null,
    region_code               varchar(12)   not null,
    area_m2                   numeric(14, 2) not null check (area_m2 > 0),
    land_price_wan            numeric(16, 4) not null check (land_price_wan >= 0),
    transferred_on            date          not null,
    agreed_delivery           date          not null,
    agreed_start              date          not null,
    agreed_completion         date          not null,
    agreed_production         date          not null,
    agreed_review             date          not null,
    -- the consequence rule (违约责任) of this contract
    penalty_basis             varchar(24)   not null check (penalty_basis in ('SHARE_OF_LAND_PRICE', 'PER_MU_PER_POINT')),
    penalty_rate              numeric(12, 4) not null check (penalty_rate >= 0),
    cap_percent               numeric(8, 4),
    cap_amount_wan            numeric(16, 4),
    rectification_months      integer       not null check (rectification_months >= 0),
    reclaim_shortfall_percent numeric(8, 4),
    reclaim_after_rereviews   integer       not null check (reclaim_after_rereviews >= 0),
    penalty_on_rereview       boolean       not null,
    tolerance_percent         numeric(8, 4) not null check (tolerance_percent >= 0),
    stage                     varchar(20)   not null,
    note                      text,
    version                   integer       not null default 0,
    created_by                text          not null,
    created_at                timestamptz   not null default now(),
    updated_by                text,
    updated_at                timestamptz
);
create index standard_land_contract_region_idx on standard_land_contract (region_code varchar_pattern_ops, id);
create index standard_land_contract_uscc_idx on standard_land_contract (uscc);
-- one live contract per parcel (a reclaimed parcel may be sold again)
create unique index standard_land_contract_parcel_idx on standard_land_contract (parcel_id) where stage <> 'RECLAIMED';

-- committed indicators, each with an optional own penalty term (else the contract's default)
create table standard_land_commitment (
    contract_id   bigint        not null references standard_land_contract (id) on delete cascade,
    indicator     varchar(30)   not null,
    committed     numeric(16, 4) not null check (committed > 0),
    penalty_basis varchar(24) check (penalty_basis in ('SHARE_OF_LAND_PRICE', 'PER_MU_PER_POINT')),
    penalty_rate  numeric(12, 4) check (penalty_rate >= 0),
    primary key (contract_id, indicator)
);

-- every move of a contract: who, when, why
create table standard_land_stage_change (
    id          bigserial primary key,
    contract_id bigint      not null references standard_land_contract (id) on delete cascade,
    from_stage  varchar(20) not null,
    to_stage    varchar(20) not null,
    on_date     date        not null,
    note        text,
    changed_by  text        not null,
    changed_at  timestamptz not null default now()
);
create index standard_land_stage_change_idx on standard_land_stage_change (contract_id, id);

create table standard_land_review (
    id                     bigserial primary key,
    contract_id            bigint        not null references standard_land_contract (id) on delete cascade,
    round                  integer       not null,
    reviewed_on            date          not null,
    data_year              integer       not null,
    passed                 boolean       not null,
    penalty_before_cap_wan numeric(16, 4) not null,
    penalty_cap_wan        numeric(16, 4),
    penalty_wan            numeric(16, 4) not null,
    rectification_deadline date,
    reclaim                boolean       not null,
    reasons                text          not null,
    credit_kind            varchar(8)    not null check (credit_kind in ('KEPT', 'BROKEN')),
    credit_reason          text          not null,
    reviewed_by            text          not null,
    recorded_at            timestamptz   not null default now(),
    unique (contract_id, round)
);

-- one line per committed indicator: the figure from the data, what was used, and why it was changed
create table standard_land_review_line (
    review_id         bigint        not null references standard_land_review (id) on delete cascade,
    indicator         varchar(30)   not null,
    committed         numeric(16, 4) not null,
    data_value        numeric(20, 4),
    actual            numeric(20, 4),
    source            varchar(12)   not null check (source in ('DATA', 'ENTERED', 'OVERRIDDEN', 'MISSING')),
    basis             text,
    override_reason   text,
    passed            boolean       not null,
    shortfall_percent numeric(10, 2) not null,
    penalty_wan       numeric(16, 4) not null,
    explanation       text          not null,
    primary key (review_id, indicator)
);
