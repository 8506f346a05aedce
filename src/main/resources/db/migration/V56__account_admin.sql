-- Account administration and the audit-log page (SPEC §1, §11).

-- Shown to the security admin beside failed attempts and lockout.
alter table app_user add column last_login_at timestamptz;

-- User names are unique regardless of case ("Admin" and "admin" are one account).
create unique index app_user_username_lower_idx on app_user (lower(username));

-- The audit page filters by actor, action and time and pages by id (keyset), newest first.
create index audit_log_actor_idx on audit_log (actor, id);
create index audit_log_action_idx on audit_log (action, id);
create index audit_log_at_idx on audit_log (at);
