-- 公示, 异议, 定稿 (SPEC §5 "Publish"): the run states after COMPUTED, when they happened, and the
-- objections enterprises file while a run is publicised.
--
--   COMPUTED ──publicize──▶ PUBLICIZING ──finalize──▶ FINAL
--                               │                       │
--                               └──────supersede────────┴──▶ SUPERSEDED (by a corrected re-run)
--
-- The transitions are guarded in Java (org.mujun.evaluation.RunStatus); the trigger below refuses any
-- other move at the database too, and refuses publishing a what-if run.
insert into evaluation_run_status (code, name_zh, name_en) values
    ('PUBLICIZING', '公示中', 'publicizing'),
    ('FINAL', '已定稿', 'final'),
    ('SUPERSEDED', '已被替代', 'superseded');

-- The columns of the workflow (evaluation_run_immutable leaves them, like the status, changeable).
--   objection_deadline  last day (含, Asia/Shanghai) on which enterprises may file an objection
--   supersedes / superseded_by  the link both ways between a corrected run and the run it replaced
alter table evaluation_run
    add column objection_deadline date,
    add column publicized_by      text,
    add column publicized_at      timestamptz,
    add column finalized_by       text,
    add column finalized_at       timestamptz,
    add column superseded_by      bigint references evaluation_run (id),
    add column superseded_at      timestamptz,
    add column supersedes         bigint references evaluation_run (id);

-- "What was published for region R, year Y on date X" and the run that is published now.
create index evaluation_run_publication_idx on evaluation_run (region_code, year, publicized_at) where publicized_at is not null;

create function evaluation_run_status_guard() returns trigger language plpgsql as $$
begin
    if new.status is distinct from old.status then
        if not ((old.status = 'COMPUTED' and new.status = 'PUBLICIZING')
             or (old.status = 'PUBLICIZING' and new.status in ('FINAL', 'SUPERSEDED'))
             or (old.status = 'FINAL' and new.status = 'SUPERSEDED')) then
            raise exception 'evaluation run %: status % cannot become %', old.id, old.status, new.status;
        end if;
        if new.kind <> 'OFFICIAL' then
            raise exception 'evaluation run % is a what-if run and is never published', old.id;
        end if;
    end if;
    return new;
end $$;
create trigger evaluation_run_status_guard before update on evaluation_run
    for each row execute function evaluation_run_status_guard();

-- 异议: an enterprise's objection to its result in a publicised run. region_code is the enterprise's
-- region in the run (for jurisdiction). OPEN until an administrator of the region accepts it (the data is
-- corrected through ingestion and a re-run supersedes the run; corrected_in_run then points to it) or
-- rejects it with a reason. One open objection per enterprise and run.
create table evaluation_objection (
    id               bigserial primary key,
    run_id           bigint      not null references evaluation_run (id),
    uscc             char(18)    not null,
    region_code      varchar(12) not null,
    body             text        not null check (length(body) between 1 and 4000),
    status           varchar(10) not null check (status in ('OPEN', 'ACCEPTED', 'REJECTED')),
    filed_by         text        not null,
    filed_at         timestamptz not null default now(),
    decided_by       text,
    decided_at       timestamptz,
    decision_note    text check (decision_note is null or length(decision_note) <= 2000),
    corrected_in_run bigint references evaluation_run (id),
    check ((status = 'OPEN') = (decided_at is null)),
    check (status <> 'REJECTED' or length(trim(decision_note)) > 0)
);
create index evaluation_objection_run_idx on evaluation_objection (run_id, status, id);
create index evaluation_objection_uscc_idx on evaluation_objection (uscc, id desc);
create unique index evaluation_objection_one_open on evaluation_objection (run_id, uscc) where status = 'OPEN';

-- A decided objection never changes again (only corrected_in_run is filled in when the run is superseded),
-- and none is ever deleted.
create function evaluation_objection_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'objection % cannot be deleted', old.id;
    end if;
    if (new.id, new.run_id, new.uscc, new.region_code, new.body, new.filed_by, new.filed_at)
       is distinct from (old.id, old.run_id, old.uscc, old.region_code, old.body, old.filed_by, old.filed_at) then
        raise exception 'objection %: what was filed never changes', old.id;
    end if;
    if old.status <> 'OPEN' and (new.status, new.decided_by, new.decided_at, new.decision_note)
       is distinct from (old.status, old.decided_by, old.decided_at, old.decision_note) then
        raise exception 'objection % is decided and cannot change', old.id;
    end if;
    return new;
end $$;
create trigger evaluation_objection_guard before update or delete on evaluation_objection
    for each row execute function evaluation_objection_guard();
