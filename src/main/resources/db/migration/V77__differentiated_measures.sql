-- 差别化要素配置 (SPEC §5 "Differentiated measures") per region and year, versioned: every save adds a
-- version (nothing is updated or deleted), the newest applies. body is org.mujun.evaluation.Measures as
-- JSON. A run applies the newest version of its region and year, else of the nearest enclosing region
-- (a city's setting covers its counties), else the measures of the run's own scheme.
create table evaluation_measures (
    id          bigserial primary key,
    region_code varchar(12) not null references region (code),
    year        integer     not null check (year between 2000 and 2100),
    version     integer     not null check (version >= 1),
    body        jsonb       not null,
    note        text check (note is null or length(note) <= 500),
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    unique (region_code, year, version)
);

create function evaluation_measures_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'differentiated measures are versioned: save a new version instead';
end $$;
create trigger evaluation_measures_append_only before update or delete on evaluation_measures
    for each row execute function evaluation_measures_append_only();
