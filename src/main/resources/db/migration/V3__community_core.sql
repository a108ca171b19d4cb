-- Community core: rendered bodies, author deletion, revision history and tag suggestions.

-- Markdown is rendered and sanitised once, on write; pages and the API serve the stored HTML.
alter table post add column body_html text not null default '';
alter table comment add column body_html text not null default '';

-- A post deleted by its author disappears from every public place (its comments go with it).
alter table post add column deleted boolean not null default false;

-- Every saved version of a post or comment: revision 1 is the original, each edit adds one.
create table post_revision (
    id            bigserial primary key,
    post_id       bigint       not null references post (id) on delete cascade,
    revision      integer      not null,
    editor_id     bigint       references member (id) on delete set null,
    created_at    timestamptz  not null default now(),
    title         varchar(200) not null,
    body_markdown text         not null,
    tags          text         not null,
    unique (post_id, revision)
);

create table comment_revision (
    id            bigserial primary key,
    comment_id    bigint      not null references comment (id) on delete cascade,
    revision      integer     not null,
    editor_id     bigint      references member (id) on delete set null,
    created_at    timestamptz not null default now(),
    body_markdown text        not null,
    unique (comment_id, revision)
);

-- Members propose conditions or remedies that are missing; moderators approve or reject them.
create table tag_suggestion (
    id           bigserial primary key,
    kind         varchar(10)  not null check (kind in ('CONDITION', 'REMEDY')),
    name         varchar(120) not null,
    note         varchar(1000),
    category     varchar(30) check (category in ('MOVEMENT', 'MANUAL_THERAPY', 'MEDICATION', 'HEAT_COLD',
                                                 'MIND_BODY', 'LIFESTYLE', 'PROFESSIONAL_CARE', 'DEVICE')),
    suggested_by bigint       references member (id) on delete set null,
    status       varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    created_at   timestamptz  not null default now(),
    decided_by   bigint       references member (id) on delete set null,
    decided_at   timestamptz,
    reason       varchar(1000)
);
create index tag_suggestion_pending_idx on tag_suggestion (created_at) where status = 'PENDING';

-- Keyset pagination of a condition's or remedy's posts walks (created_at, id) from the newest.
create index post_created_idx on post (created_at desc, id desc) where status = 'PUBLISHED' and not deleted;
