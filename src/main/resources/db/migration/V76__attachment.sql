-- Files attached to a business object (objection evidence; later remediation reports). Kept in the
-- database (bytea), so app nodes stay stateless and a backup holds everything. owner_type/owner_id name
-- the owning object; region_code and uscc are the owner's, so every read goes through jurisdiction.
-- file_name is the uploader's name for display only (never used as a path); content_type is the type
-- detected from the content, not the one the browser claimed.
create table attachment (
    id           bigserial primary key,
    owner_type   varchar(40) not null,
    owner_id     bigint      not null,
    region_code  varchar(12) not null,
    uscc         char(18),
    file_name    text        not null check (length(file_name) between 1 and 200),
    content_type varchar(100) not null,
    size_bytes   integer     not null check (size_bytes > 0),
    sha256       char(64)    not null,
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null default now()
);
create index attachment_owner_idx on attachment (owner_type, owner_id, id);

-- Evidence is never rewritten.
create function attachment_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'attachment % cannot be changed', old.id;
end $$;
create trigger attachment_immutable before update on attachment
    for each row execute function attachment_immutable();
