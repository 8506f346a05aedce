-- Monthly snapshots of actual against target (SPEC §8): taken on the 1st of each month for the month
-- just ended, or on demand for the current month. One per region, year and month; once written a
-- snapshot never changes (a month's figures must not change after the fact): the triggers below refuse
-- any update, delete or truncate of both tables.
create table target_snapshot (
    id          bigserial primary key,
    region_code varchar(12) not null references region (code),
    year        integer     not null check (year between 2000 and 2100),
    month       integer     not null check (month between 1 and 12),
    as_of       date        not null,
    time_share  numeric(8, 6) not null,
    kind        varchar(10) not null check (kind in ('SCHEDULED', 'ON_DEMAND')),
    taken_by    text        not null,
    taken_at    timestamptz not null default now(),
    unique (region_code, year, month)
);
create index target_snapshot_region_idx on target_snapshot (region_code varchar_pattern_ops, year, month);

-- one line per region (the snapshot's region and every region below it with a target) and indicator
create table target_snapshot_line (
    id          bigserial primary key,
    snapshot_id bigint         not null references target_snapshot (id),
    region_code varchar(12)    not null,
    region_name text           not null,
    indicator   varchar(40)    not null,
    target      numeric(18, 4),
    actual      numeric(18, 4),
    percent     numeric(12, 2),
    expected    numeric(18, 4),
    on_track    boolean        not null
);
create index target_snapshot_line_idx on target_snapshot_line (snapshot_id, region_code);

create function target_snapshot_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'target snapshots are immutable: % on % refused', tg_op, tg_table_name;
end;
$$;
create trigger target_snapshot_no_change before update or delete on target_snapshot
    for each row execute function target_snapshot_immutable();
create trigger target_snapshot_no_truncate before truncate on target_snapshot
    for each statement execute function target_snapshot_immutable();
create trigger target_snapshot_line_no_change before update or delete on target_snapshot_line
    for each row execute function target_snapshot_immutable();
create trigger target_snapshot_line_no_truncate before truncate on target_snapshot_line
    for each statement execute function target_snapshot_immutable();

-- Annual assessment weights (SPEC §8, 年度考核): per assessing region, year and indicator, as data.
create table target_assessment_weight (
    id          bigserial primary key,
    region_code varchar(12)    not null references region (code),
    year        integer        not null check (year between 2000 and 2100),
    indicator   varchar(40)    not null,
    weight      numeric(10, 4) not null check (weight >= 0),
    set_by      text           not null,
    set_at      timestamptz    not null default now(),
    unique (region_code, year, indicator)
);
