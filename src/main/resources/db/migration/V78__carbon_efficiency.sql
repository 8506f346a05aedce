-- 碳效码 thresholds and colours (SPEC §4, DB33/T 1347-2023), versioned: every save adds a version,
-- the newest applies; nothing is updated or deleted. Version 1 holds the SPEC defaults.
--   level_max   upper bounds (含) of 低碳 and 中碳 for L = CO₂ / 工业增加值 (t/万元)
--   grade_max   upper bounds (含) of grades 1–4 for K = L / industry-average L
create table carbon_efficiency_config (
    version       integer primary key check (version >= 1),
    level_max     numeric(10, 4)[] not null check (cardinality(level_max) = 2),
    grade_max     numeric(10, 4)[] not null check (cardinality(grade_max) = 4),
    level_colours text[]      not null check (cardinality(level_colours) = 3),
    grade_colours text[]      not null check (cardinality(grade_colours) = 5),
    note          text check (note is null or length(note) <= 500),
    created_by    text        not null,
    created_at    timestamptz not null default now()
);

create function carbon_efficiency_config_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'carbon efficiency settings are versioned: save a new version instead';
end $$;
create trigger carbon_efficiency_config_append_only before update or delete on carbon_efficiency_config
    for each row execute function carbon_efficiency_config_append_only();

insert into carbon_efficiency_config (version, level_max, grade_max, level_colours, grade_colours, note, created_by)
values (1, '{0.6, 2.0}', '{0.6, 0.8, 1.2, 2.0}', '{"#1a9641", "#fdae61", "#d7191c"}',
        '{"#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c"}', 'SPEC §4 / DB33/T 1347-2023 默认值', 'system');
