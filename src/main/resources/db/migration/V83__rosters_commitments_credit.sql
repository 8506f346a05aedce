-- Rosters (清单/培育库), commitments (承诺) and the credit record with the 失信 list (SPEC §7).

-- A named list. region_code: the region it belongs to (shipped lists: 33, the whole province);
-- it is visible to users inside that region and edited (rules) by admins whose region contains it.
create table roster (
    id          bigserial primary key,
    code        varchar(40) not null,
    region_code varchar(12) not null,
    name        text        not null,
    name_en     text        not null,
    description text,
    version     integer     not null default 0,
    created_by  text        not null default 'system',
    created_at  timestamptz not null default now(),
    unique (region_code, code)
);

-- Rule-based membership: fixed rule kinds with parameters (nothing typed is executed); all rules of a
-- roster must hold. A roster without rules is manual only.
create table roster_rule (
    id          bigserial primary key,
    roster_id   bigint        not null references roster (id) on delete cascade,
    kind        varchar(30)   not null check (kind in ('FLAG_CONTAINS', 'SIZE_CLASS', 'REVENUE_AT_LEAST', 'REVENUE_BELOW',
                                                     'TAX_PER_MU_AT_LEAST', 'VALUE_ADDED_PER_MU_AT_LEAST', 'LAND_MU_AT_LEAST',
                                                     'INDUSTRY_PREFIX')),
    text_param  text,
    num_param   numeric(16, 4)
);

-- Current members (one row per roster and enterprise).
create table roster_member (
    roster_id   bigint      not null references roster (id) on delete cascade,
    uscc        char(18)    not null,
    region_code varchar(12) not null,
    source      varchar(6)  not null check (source in ('MANUAL', 'RULE')),
    since_year  integer     not null,
    reason      text        not null,
    added_by    text        not null,
    added_at    timestamptz not null default now(),
    primary key (roster_id, uscc)
);
create index roster_member_region_idx on roster_member (region_code varchar_pattern_ops);

-- Who joined or left which year and why.
create table roster_change (
    id          bigserial primary key,
    roster_id   bigint      not null references roster (id) on delete cascade,
    uscc        char(18)    not null,
    region_code varchar(12) not null,
    year        integer     not null,
    action      varchar(5)  not null check (action in ('JOIN', 'LEAVE')),
    source      varchar(6)  not null check (source in ('MANUAL', 'RULE')),
    reason      text        not null,
    changed_by  text        not null,
    changed_at  timestamptz not null default now()
);
create index roster_change_idx on roster_change (roster_id, year, id);

insert into roster (code, region_code, name, name_en, description) values
('RETAIN_QUALITY', '33', '留驻优质企业', 'Quality enterprises to retain', '亩均效益高、应优先保障要素的企业 / high output per mu; resources go here first'),
('ZERO_LAND_POTENTIAL', '33', '零增地技改潜在企业', 'Potential zero-land upgrading enterprises', '有条件在自有土地上技改扩产的企业 / can upgrade on their own land'),
('IPO_RESERVE', '33', '上市后备企业', 'IPO reserve', '上市培育对象 / being prepared for listing'),
('SMALL_TO_ABOVE', '33', '雏鹰/小升规企业', 'Fledgling and small-to-above-scale', '规下企业中营业收入接近规上标准的 / below designated size, revenue close to the threshold'),
('SRDI_PIPELINE', '33', '专精特新梯度培育企业', 'Specialised, refined, distinctive and innovative (专精特新) pipeline', '专精特新梯度培育库 / the 专精特新 pipeline');

-- Shipped sample rules (examples; each region sets its own): see docs/land-and-projects.md.
insert into roster_rule (roster_id, kind, text_param, num_param)
select id, 'TAX_PER_MU_AT_LEAST', null, 30 from roster where code = 'RETAIN_QUALITY' and region_code = '33';
insert into roster_rule (roster_id, kind, text_param, num_param)
select id, 'REVENUE_AT_LEAST', null, 20000 from roster where code = 'IPO_RESERVE' and region_code = '33';
insert into roster_rule (roster_id, kind, text_param, num_param)
select id, 'SIZE_CLASS', 'BELOW', null from roster where code = 'SMALL_TO_ABOVE' and region_code = '33';
insert into roster_rule (roster_id, kind, text_param, num_param)
select id, 'REVENUE_AT_LEAST', null, 1500 from roster where code = 'SMALL_TO_ABOVE' and region_code = '33';
insert into roster_rule (roster_id, kind, text_param, num_param)
select id, 'FLAG_CONTAINS', '专精特新', null from roster where code = 'SRDI_PIPELINE' and region_code = '33';

-- Commitments: a 标准地 agreement (contract_id set, created with the contract) or subsidy conditions.
create table commitment (
    id                bigserial primary key,
    uscc              char(18)      not null,
    region_code       varchar(12)   not null,
    source_kind       varchar(14)   not null check (source_kind in ('STANDARD_LAND', 'SUBSIDY', 'OTHER')),
    reference         text          not null default '',
    contract_id       bigint unique,
    clawback_mode     varchar(8)    not null check (clawback_mode in ('FULL', 'PRO_RATA')),
    interest_percent  numeric(8, 4) not null check (interest_percent >= 0),
    day_count_basis   integer       not null check (day_count_basis in (360, 365)),
    status            varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'MET', 'BREACHED', 'AWAITING')),
    last_evaluated_on date,
    note              text,
    version           integer       not null default 0,
    created_by        text          not null,
    created_at        timestamptz   not null default now()
);
create index commitment_region_idx on commitment (region_code varchar_pattern_ops, id);
create index commitment_uscc_idx on commitment (uscc);

create table commitment_condition (
    id              bigserial primary key,
    commitment_id   bigint        not null references commitment (id) on delete cascade,
    indicator       varchar(30)   not null,
    name            text          not null,
    direction       varchar(8)    not null check (direction in ('AT_LEAST', 'AT_MOST')),
    threshold       numeric(20, 4) not null check (threshold >= 0),
    deadline        date          not null,
    -- the year whose data measures the condition (null: the latest year with data, not after the deadline's year)
    data_year       integer,
    -- a figure entered by an official (or taken from the contract's 达产复核) instead of the data
    reported_actual numeric(20, 4),
    reported_reason text
);
create index commitment_condition_idx on commitment_condition (commitment_id);

create table commitment_benefit (
    id            bigserial primary key,
    commitment_id bigint        not null references commitment (id) on delete cascade,
    amount_wan    numeric(16, 4) not null check (amount_wan >= 0),
    received_on   date          not null,
    description   text          not null default ''
);

create table commitment_evaluation (
    id              bigserial primary key,
    commitment_id   bigint        not null references commitment (id) on delete cascade,
    as_of           date          not null,
    status          varchar(10)   not null,
    breached        boolean       not null,
    share_percent   numeric(8, 2),
    principal_wan   numeric(16, 4),
    interest_wan    numeric(16, 4),
    clawback_wan    numeric(16, 4),
    detail          text          not null,
    evaluated_by    text          not null,
    evaluated_at    timestamptz   not null default now()
);
create index commitment_evaluation_idx on commitment_evaluation (commitment_id, id desc);

-- The credit record (信用记录): one table for 标准地 reviews (守信 or 失信) and commitment breaches (失信).
-- The 失信 list is the BROKEN rows.
create table credit_entry (
    id           bigserial primary key,
    uscc         char(18)      not null,
    region_code  varchar(12)   not null,
    on_date      date          not null,
    kind         varchar(8)    not null check (kind in ('KEPT', 'BROKEN')),
    source_kind  varchar(24)   not null check (source_kind in ('STANDARD_LAND_REVIEW', 'COMMITMENT')),
    source_id    bigint        not null,
    round        integer       not null default 0,
    source_ref   text          not null,
    reason       text          not null,
    penalty_wan  numeric(16, 4),
    clawback_wan numeric(16, 4),
    reclaim      boolean       not null default false,
    created_by   text          not null,
    created_at   timestamptz   not null default now(),
    unique (source_kind, source_id, round)
);
create index credit_entry_region_idx on credit_entry (region_code varchar_pattern_ops, kind, on_date desc);
create index credit_entry_uscc_idx on credit_entry (uscc);
