-- 一图呈现 (SPEC §9): the map reads parcels by viewport. PostgreSQL's own box type and a GiST index on the
-- bounding box of each parcel's GeoJSON polygon make "parcels in this bbox" an index scan without PostGIS.
-- The box is a stored generated column, so every writer of parcels (pages, imports, the demo's COPY) keeps it
-- right without knowing about the map. The function is immutable (the box depends on the text only) and never
-- fails: text that is not a GeoJSON geometry with coordinates gives null (such a parcel is not drawn), so an odd
-- row can never block a write.
create or replace function mujun_geojson_box(g text) returns box
    language plpgsql immutable parallel safe as
$$
declare
    b box;
begin
    if g is null then
        return null;
    end if;
    select box(point(min((c ->> 0)::float8), min((c ->> 1)::float8)), point(max((c ->> 0)::float8), max((c ->> 1)::float8))) into b
    from jsonb_path_query(g::jsonb, 'strict $.**') c
    where jsonb_typeof(c) = 'array' and jsonb_typeof(c -> 0) = 'number' and jsonb_typeof(c -> 1) = 'number';
    return b;
exception when others then
    return null;
end
$$;

alter table parcel add column map_box box generated always as (mujun_geojson_box(geojson)) stored;

create index parcel_map_box_idx on parcel using gist (map_box) where map_box is not null;
-- a county's parcels with geometry, in region order (the county load of the map)
create index parcel_map_region_idx on parcel (region_code varchar_pattern_ops) where map_box is not null;
