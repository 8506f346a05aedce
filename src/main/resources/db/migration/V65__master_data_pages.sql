-- Master-data pages (SPEC §2, §11): indexes for the enterprise, parcel and lease lists at
-- province scale (200,000 enterprises), and optimistic locking on zones.

-- Enterprise name search is a substring match (name ILIKE '%…%'). A trigram GIN index answers it
-- when the pg_trgm extension is available (it ships with the embedded PostgreSQL and with Debian's
-- postgresql package); elsewhere, or without the right to create it, the search still works by
-- scanning (documented in docs/master-data.md). With LC_CTYPE = C, pg_trgm ignores Chinese
-- characters, so the index only helps on clusters with a UTF-8 locale (the embedded one uses C.UTF-8).
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        begin
            create extension if not exists pg_trgm;
        exception when insufficient_privilege then
            raise notice 'pg_trgm not created (insufficient privilege): name search scans';
        end;
    end if;
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index if not exists enterprise_name_trgm_idx on enterprise using gin (name gin_trgm_ops)';
    end if;
end $$;

-- Sorting by name in the database collation (the existing text_pattern_ops index serves only prefix LIKE).
create index enterprise_name_sort_idx on enterprise (name, id);
-- USCC prefix search (char(18) compares blank-padded; the pattern ops make LIKE 'X%' indexable).
create index enterprise_uscc_prefix_idx on enterprise (uscc bpchar_pattern_ops);
create index enterprise_flags_idx on enterprise using gin (flags);
create index enterprise_zone_idx on enterprise (zone_id) where zone_id is not null;
create index enterprise_registered_idx on enterprise (registered_on, id);

create index parcel_area_idx on parcel (area_m2);
create index parcel_list_idx on parcel (region_code, certificate_no);
create index lease_parcel_idx on lease (parcel_id) where parcel_id is not null;
create index lease_years_idx on lease (start_year, end_year);

alter table zone add column version integer not null default 0;
