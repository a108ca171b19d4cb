-- Member flags, moderator actions with an audit log, and notifications telling authors the outcome.

create table content_flag (
    id          bigserial primary key,
    member_id   bigint      not null references member (id) on delete cascade,
    post_id     bigint      references post (id) on delete cascade,
    comment_id  bigint      references comment (id) on delete cascade,
    reason      varchar(20) not null check (reason in ('UNSAFE_ADVICE', 'IGNORES_RED_FLAGS', 'SPAM', 'HARASSMENT',
                                                        'OFF_TOPIC', 'OTHER')),
    note        varchar(1000),
    weight      double precision not null,
    review_item_id bigint   references review_item (id) on delete set null,
    created_at  timestamptz not null default now(),
    check (num_nonnulls(post_id, comment_id) = 1)
);
create unique index content_flag_post_uq on content_flag (member_id, post_id) where post_id is not null;
create unique index content_flag_comment_uq on content_flag (member_id, comment_id) where comment_id is not null;
create index content_flag_review_idx on content_flag (review_item_id);

alter table review_item add column flag_weight double precision not null default 0;

-- How often a member's flags were upheld by moderators: their future flags weigh accordingly.
alter table member add column flags_upheld integer not null default 0;
alter table member add column flags_dismissed integer not null default 0;
alter table member add column silenced_until timestamptz;

-- Every moderation transition: who, what, when, why.
create table moderation_action (
    id              bigserial primary key,
    review_item_id  bigint      not null references review_item (id) on delete cascade,
    moderator_id    bigint      references member (id) on delete set null,
    action          varchar(20) not null,
    from_status     varchar(20) not null,
    to_status       varchar(20) not null,
    note            varchar(2000),
    created_at      timestamptz not null default now()
);
create index moderation_action_log_idx on moderation_action (created_at desc, id desc);

create table notification (
    id          bigserial primary key,
    member_id   bigint       not null references member (id) on delete cascade,
    text        varchar(2000) not null,
    link        varchar(300),
    created_at  timestamptz  not null default now(),
    read_at     timestamptz
);
create index notification_member_idx on notification (member_id, created_at desc);
