-- Master-data pages (SPEC §2, §11): indexes for the enterprise, parcel and lease lists at
-- province scale (200,000 enterprises), and optimistic locking on zones.

-- Enterprise name search is a substring match (name LIKE '%…%'). Chinese names are searched by two
-- characters as often as by more (a place or a trade name: 临海, 机械), so the index is on character
-- bigrams: mujun_bigrams('临海机械') = {临海,海机,机械}; a name contains the query only if its bigrams
-- contain the query's, so "bigrams @> bigrams(query)" narrows the rows through a GIN index and LIKE
-- confirms. It needs no extension and does not depend on the cluster's locale. (pg_trgm ships with the
-- embedded PostgreSQL, but trigrams cannot index two-character queries, and with LC_CTYPE = C it
-- drops Chinese characters altogether.) Latin letters are lower-cased, so ILIKE queries use it too.
create function mujun_bigrams(t text) returns text[] language plpgsql immutable strict parallel safe as $$
declare
    s text := lower(t);
    r text[] := '{}';
begin
    for i in 1 .. length(s) - 1 loop
        r := r || substr(s, i, 2);
    end loop;
    return r;
end $$;
create index enterprise_name_bigram_idx on enterprise using gin (mujun_bigrams(name));

-- Region prefixes as ranges in the "C" collation: region_code >= '331082' and < '331083' stays an
-- index range even in a generic plan of a prepared statement, where LIKE with a parameter does not.
create index enterprise_region_range_idx on enterprise ((region_code collate "C"));

-- Sorting by name in the database collation (the existing text_pattern_ops index serves only prefix LIKE).
create index enterprise_name_sort_idx on enterprise (name, id);
-- USCC prefix search (char(18) compares blank-padded; the pattern ops make LIKE 'X%' indexable).
create index enterprise_uscc_prefix_idx on enterprise (uscc bpchar_pattern_ops);
create index enterprise_flags_idx on enterprise using gin (flags);
create index enterprise_zone_idx on enterprise (zone_id) where zone_id is not null;
create index enterprise_registered_idx on enterprise (registered_on, id);

create index parcel_area_idx on parcel (area_m2);
-- The parcel list: region prefix and order in the "C" collation, so one index range serves both.
create index parcel_list_idx on parcel ((region_code collate "C"), (certificate_no collate "C"));
create index lease_parcel_idx on lease (parcel_id) where parcel_id is not null;
create index lease_years_idx on lease (start_year, end_year);

alter table zone add column version integer not null default 0;
