-- One person counts once, however often they delete their account and log in again (a fresh member row for the same
-- OIDC subject).

-- A person key: a salted SHA-256 of the OIDC subject. It names a person without being their login: the salt is random
-- per installation and never leaves the database. Rate-limit counters and a departed member's standing are keyed by it,
-- so deleting the account resets neither.
create table person_key_salt (
    salt text not null
);
insert into person_key_salt (salt) values (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

create function person_key(subject text) returns varchar language sql stable as $$
    select encode(sha256(convert_to(s.salt || ':' || subject, 'UTF8')), 'hex') from person_key_salt s
$$;

-- What a moderator decided about a person, kept when they delete their account and given back when they return:
-- silencing and their flagging record (which weighs their flags). No words, no handle, no login.
create table person_standing (
    person_key      varchar(64) primary key,
    flags_upheld    integer     not null default 0,
    flags_dismissed integer     not null default 0,
    silenced_until  timestamptz
);

-- Rate-limit counters keyed by member id started again for a rejoined member; the application now keys them by the
-- person key, and old counters expire within the hour.
delete from rate_limit_counter;

-- A review item's flag weight is the sum of its live flags (content_flag), computed when read: a stored running total
-- kept the weight of flags whose authors had since left, so one person flagging, leaving and returning added up.
alter table review_item drop column flag_weight;
