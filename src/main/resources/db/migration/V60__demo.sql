-- Demo data loads (SPEC §12). Demo enterprises carry the flag DEMO in enterprise.flags (and USCCs of
-- the form 91<county>MD…); their parcels, leases and department rows are found through their USCCs.
-- This table remembers each load (seed, size, counties) and the zones it created, so that
-- `demo --replace` / `--delete` remove exactly what the demo made and first start loads only once.
create table demo_load (
    id          serial       primary key,
    batch       integer      not null unique,
    seed        bigint       not null,
    enterprises integer      not null,
    counties    text[]       not null,
    last_year   integer      not null,
    zone_ids    bigint[]     not null default '{}',
    loaded_by   text         not null,
    loaded_at   timestamptz  not null default now()
);

-- Deleting parcels checks lease.parcel_id and deleting zones checks enterprise.zone_id: without
-- indexes behind those foreign keys `demo --replace` of 200,000 enterprises took minutes. V65
-- creates both indexes (lease_parcel_idx, enterprise_zone_idx).
