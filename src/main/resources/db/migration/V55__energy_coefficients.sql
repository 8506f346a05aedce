-- Energy and carbon coefficient tables (SPEC §4). One version holds, per carrier, the
-- 折标准煤系数 (kgce per base unit, GB/T 2589-2020) and the CO₂ emission factor (kg CO₂ per
-- base unit). Base units are those of org.mujun.energy.EnergyType (kg, m3, kWh, MJ).
-- A version is DRAFT (editable) → ACTIVE (the one computations use) → SUPERSEDED. The factors
-- of a version that left DRAFT never change (a trigger refuses it).

create table energy_coefficient_version (
    version      integer primary key,
    status       varchar(10) not null check (status in ('DRAFT', 'ACTIVE', 'SUPERSEDED')),
    based_on     integer references energy_coefficient_version (version),
    note         text,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    updated_by   text,
    updated_at   timestamptz,
    activated_by text,
    activated_at timestamptz
);
create unique index energy_coefficient_one_active on energy_coefficient_version (status) where status = 'ACTIVE';
create unique index energy_coefficient_one_draft on energy_coefficient_version (status) where status = 'DRAFT';

create table energy_coefficient (
    version       integer     not null references energy_coefficient_version (version),
    energy_type   varchar(20) not null,
    kgce_per_unit numeric(14, 6) not null check (kgce_per_unit > 0),
    co2_kg_per_unit numeric(14, 6) not null check (co2_kg_per_unit >= 0),
    tce_note      text,
    co2_note      text,
    primary key (version, energy_type)
);

create function energy_coefficient_frozen() returns trigger language plpgsql as $$
declare v integer;
begin
    v := case when tg_op = 'DELETE' then old.version else new.version end;
    if (select status from energy_coefficient_version where version = v) <> 'DRAFT'
       or (tg_op = 'UPDATE' and old.version <> new.version) then
        raise exception 'energy coefficient version % is not a draft and cannot change', v;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger energy_coefficient_frozen before insert or update or delete on energy_coefficient
    for each row execute function energy_coefficient_frozen();

-- 电力等价值 (kgce/kWh) per year, set by the province (none shipped).
create table electricity_equivalent_factor (
    year          integer primary key check (year between 1990 and 2100),
    kgce_per_kwh  numeric(10, 6) not null check (kgce_per_kwh > 0),
    note          text,
    set_by        text        not null,
    set_at        timestamptz not null default now()
);

-- Module settings; 'electricity_method' = CALORIFIC (当量值) or EQUIVALENT (等价值).
create table energy_setting (
    key        varchar(40) primary key,
    value      text        not null,
    set_by     text        not null,
    set_at     timestamptz not null default now()
);
insert into energy_setting (key, value, set_by) values ('electricity_method', 'CALORIFIC', 'system');

insert into energy_coefficient_version (version, status, note, created_by, activated_by, activated_at)
values (1, 'DRAFT', 'SPEC §4 默认值：GB/T 2589-2020 折标系数；CO₂ 排放因子见各行说明 / SPEC §4 defaults', 'system', null, null);

insert into energy_coefficient (version, energy_type, kgce_per_unit, co2_kg_per_unit, tce_note, co2_note) values
 (1, 'ELECTRICITY', 0.1229, 0.5366, 'GB/T 2589-2020 当量值 0.1229 kgce/kWh；等价值按年另设', '2022 年全国电网平均排放因子 0.5366 kg/kWh（生态环境部、国家统计局）；可选华东电网 0.5617'),
 (1, 'RAW_COAL',    0.7143, 1.9003, 'GB/T 2589-2020 原煤 0.7143 kgce/kg', 'SPEC §4：1.9003 kg/kg'),
 (1, 'COKE',        0.9714, 2.8604, 'GB/T 2589-2020 焦炭 0.9714 kgce/kg', '省级温室气体清单编制指南推算：28.435 MJ/kg × 29.5 tC/TJ × 93% × 44/12 ≈ 2.8604 kg/kg（SPEC 未给出）'),
 (1, 'CRUDE_OIL',   1.4286, 3.0202, 'GB/T 2589-2020 原油 1.4286 kgce/kg', '省级温室气体清单编制指南推算：41.816 MJ/kg × 20.1 tC/TJ × 98% × 44/12 ≈ 3.0202 kg/kg（SPEC 未给出）'),
 (1, 'FUEL_OIL',    1.4286, 3.1705, 'GB/T 2589-2020 燃料油 1.4286 kgce/kg', 'SPEC §4：3.1705 kg/kg'),
 (1, 'GASOLINE',    1.4714, 2.9251, 'GB/T 2589-2020 汽油 1.4714 kgce/kg', 'SPEC §4：2.9251 kg/kg'),
 (1, 'KEROSENE',    1.4714, 3.0179, 'GB/T 2589-2020 煤油 1.4714 kgce/kg', '省级温室气体清单编制指南推算：43.070 MJ/kg × 19.5 tC/TJ × 98% × 44/12 ≈ 3.0179 kg/kg（SPEC 未给出）'),
 (1, 'DIESEL',      1.4571, 3.0959, 'GB/T 2589-2020 柴油 1.4571 kgce/kg', 'SPEC §4：3.0959 kg/kg'),
 (1, 'LPG',         1.7143, 3.1013, 'GB/T 2589-2020 液化石油气 1.7143 kgce/kg', 'SPEC §4：3.1013 kg/kg'),
 (1, 'NATURAL_GAS', 1.2143, 2.1622, 'GB/T 2589-2020 天然气 1.2143 kgce/m³；部分资料取 1.3300，可在新版本中修改', 'SPEC §4：2.1622 kg/m³'),
 (1, 'STEAM',       0.128291, 0.4136, '低压饱和蒸汽按 3.76 MJ/kg × 0.03412 kgce/MJ = 0.128291 kgce/kg 折算（请按实际参数修改）', '按热力因子 0.11 kg/MJ × 3.76 MJ/kg = 0.4136 kg/kg 折算'),
 (1, 'HEAT',        0.03412, 0.11, 'GB/T 2589-2020 热力 0.03412 kgce/MJ', '外购热力排放因子 0.11 t CO₂/GJ = 0.11 kg/MJ（国家发改委企业温室气体核算指南缺省值）');

update energy_coefficient_version set status = 'ACTIVE', activated_by = 'system', activated_at = now() where version = 1;
