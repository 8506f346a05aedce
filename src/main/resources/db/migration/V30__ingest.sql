-- Data ingestion (SPEC §3): uploads, their row errors, the value history and quality findings.

create table upload (
    id              bigserial primary key,
    dataset         varchar(20)  not null,
    file_name       text         not null,
    file_sha256     char(64),
    file_format     varchar(10)  not null,
    encoding        varchar(20),
    source          varchar(10)  not null check (source in ('WEB', 'API', 'CLI')),
    uploaded_by     text         not null,
    uploader_region varchar(12)  not null,
    uploaded_at     timestamptz  not null default now(),
    status          varchar(12)  not null check (status in ('APPLIED', 'DUPLICATE', 'REJECTED', 'FAILED')),
    total_rows      integer      not null default 0,
    valid_rows      integer      not null default 0,
    invalid_rows    integer      not null default 0,
    changed_rows    integer      not null default 0,
    years           integer[]    not null default '{}',
    message         text
);
create index upload_region_idx on upload (uploader_region varchar_pattern_ops, id desc);
create index upload_hash_idx on upload (dataset, file_sha256);

create table upload_error (
    upload_id   bigint  not null references upload (id) on delete cascade,
    row_no      integer not null,
    column_name text,
    value       text,
    reason      text    not null
);
create index upload_error_idx on upload_error (upload_id, row_no);

-- Every value a later upload changed: old → new, who, when (SPEC §3 "keeps history").
create table data_change (
    id          bigserial primary key,
    upload_id   bigint       not null references upload (id),
    dataset     varchar(20)  not null,
    record_key  text         not null,
    uscc        char(18),
    field       text         not null,
    old_value   text,
    new_value   text,
    changed_by  text         not null,
    changed_at  timestamptz  not null default now()
);
create index data_change_uscc_idx on data_change (uscc, id desc);
create index data_change_upload_idx on data_change (upload_id);

create table quality_finding (
    id          bigserial primary key,
    kind        varchar(30)  not null,
    uscc        char(18),
    year        integer,
    region_code varchar(12)  not null,
    detail      text         not null,
    upload_id   bigint,
    found_at    timestamptz  not null default now()
);
create index quality_finding_idx on quality_finding (region_code varchar_pattern_ops, year, kind);

-- One lease per lessor, lessee and start year: the key a corrected lease file supersedes by.
create unique index lease_key_idx on lease (lessor_uscc, lessee_uscc, start_year);
