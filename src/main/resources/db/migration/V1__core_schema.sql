-- Core schema: members, taxonomy (conditions, remedies), posts, threaded comments, votes.
-- Hibernate only validates this schema; every change goes through a new migration.

create table member (
    id            bigserial primary key,
    oidc_subject  varchar(255) not null unique,
    handle        varchar(40)  not null,
    trust_level   smallint     not null default 0,
    created_at    timestamptz  not null default now()
);
create unique index member_handle_lower_uq on member (lower(handle));

create table condition (
    id          bigserial primary key,
    slug        varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(120) not null,
    description text         not null,
    red_flags   text
);

create table condition_synonym (
    id           bigserial primary key,
    condition_id bigint       not null references condition (id) on delete cascade,
    synonym      varchar(120) not null
);
create unique index condition_synonym_lower_uq on condition_synonym (lower(synonym));
create index condition_synonym_condition_idx on condition_synonym (condition_id);

create table remedy (
    id          bigserial primary key,
    slug        varchar(80)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(120) not null,
    category    varchar(30)  not null check (category in ('MOVEMENT', 'MANUAL_THERAPY', 'MEDICATION', 'HEAT_COLD',
                                                          'MIND_BODY', 'LIFESTYLE', 'PROFESSIONAL_CARE', 'DEVICE')),
    description text         not null,
    caution     text
);

create table remedy_synonym (
    id        bigserial primary key,
    remedy_id bigint       not null references remedy (id) on delete cascade,
    synonym   varchar(120) not null
);
create unique index remedy_synonym_lower_uq on remedy_synonym (lower(synonym));
create index remedy_synonym_remedy_idx on remedy_synonym (remedy_id);

create table post (
    id            bigserial primary key,
    kind          varchar(10)  not null check (kind in ('STORY', 'QUESTION', 'TIP')),
    title         varchar(200) not null,
    body_markdown text         not null,
    author_id     bigint       references member (id),
    status        varchar(20)  not null default 'PUBLISHED'
                  check (status in ('PUBLISHED', 'PENDING_REVIEW', 'HIDDEN', 'REMOVED')),
    upvotes       integer      not null default 0 check (upvotes >= 0),
    downvotes     integer      not null default 0 check (downvotes >= 0),
    comment_count integer      not null default 0 check (comment_count >= 0),
    created_at    timestamptz  not null default now(),
    edited_at     timestamptz,
    version       integer      not null default 0
);
create index post_status_created_idx on post (status, created_at desc, id desc);
create index post_author_idx on post (author_id);

create table post_condition (
    post_id      bigint not null references post (id) on delete cascade,
    condition_id bigint not null references condition (id),
    primary key (post_id, condition_id)
);
create index post_condition_condition_idx on post_condition (condition_id, post_id);

-- A remedy a post mentions, with what it did for the author (null: mentioned, no outcome given).
create table post_remedy (
    post_id   bigint      not null references post (id) on delete cascade,
    remedy_id bigint      not null references remedy (id),
    outcome   varchar(10) check (outcome in ('HELPED', 'NO_CHANGE', 'WORSE')),
    primary key (post_id, remedy_id)
);
create index post_remedy_remedy_idx on post_remedy (remedy_id, post_id);

create table comment (
    id            bigserial primary key,
    post_id       bigint      not null references post (id) on delete cascade,
    parent_id     bigint      references comment (id),
    author_id     bigint      references member (id),
    body_markdown text        not null,
    status        varchar(20) not null default 'PUBLISHED'
                  check (status in ('PUBLISHED', 'PENDING_REVIEW', 'HIDDEN', 'REMOVED')),
    deleted       boolean     not null default false,
    upvotes       integer     not null default 0 check (upvotes >= 0),
    downvotes     integer     not null default 0 check (downvotes >= 0),
    created_at    timestamptz not null default now(),
    edited_at     timestamptz,
    version       integer     not null default 0
);
create index comment_post_idx on comment (post_id, created_at);
create index comment_parent_idx on comment (parent_id);
create index comment_author_idx on comment (author_id);

alter table post add column accepted_comment_id bigint references comment (id) on delete set null;

create table comment_remedy (
    comment_id bigint not null references comment (id) on delete cascade,
    remedy_id  bigint not null references remedy (id),
    primary key (comment_id, remedy_id)
);
create index comment_remedy_remedy_idx on comment_remedy (remedy_id);

-- One vote per member per target; the tallies on post/comment are kept in the same transaction.
create table post_vote (
    post_id    bigint      not null references post (id) on delete cascade,
    member_id  bigint      not null references member (id) on delete cascade,
    value      smallint    not null check (value in (-1, 1)),
    created_at timestamptz not null default now(),
    primary key (post_id, member_id)
);
create index post_vote_member_idx on post_vote (member_id);

create table comment_vote (
    comment_id bigint      not null references comment (id) on delete cascade,
    member_id  bigint      not null references member (id) on delete cascade,
    value      smallint    not null check (value in (-1, 1)),
    created_at timestamptz not null default now(),
    primary key (comment_id, member_id)
);
create index comment_vote_member_idx on comment_vote (member_id);
