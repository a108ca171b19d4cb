-- Members follow conditions (new posts there notify them) and bookmark posts.
create table condition_follow (
    member_id    bigint      not null references member (id) on delete cascade,
    condition_id bigint      not null references condition (id) on delete cascade,
    created_at   timestamptz not null default now(),
    primary key (member_id, condition_id)
);
create index condition_follow_condition_idx on condition_follow (condition_id);

create table bookmark (
    member_id  bigint      not null references member (id) on delete cascade,
    post_id    bigint      not null references post (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (member_id, post_id)
);

-- Who caused a notification ("bob replied..."): a reference, not text, so it goes when bob deletes his account.
alter table notification add column actor_id bigint references member (id) on delete set null;
