-- Who put which screening model version in use by hand, and which it replaced (README "Screening model"): the model
-- page lists them, and the outcome of a switch offers to put the replaced version back.
create table screening_model_switch (
    id           bigserial   primary key,
    created_at   timestamptz not null default now(),
    moderator_id bigint      references member (id) on delete set null,
    from_version bigint      not null references screening_model_version (id),
    to_version   bigint      not null references screening_model_version (id)
);
create index screening_model_switch_newest_idx on screening_model_switch (created_at desc, id desc);
