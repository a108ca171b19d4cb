-- What screening decided for content, and the start of the review queue.

-- Safety notices shown beside a post or comment (red-flag urgent-care messages, cautions).
alter table post add column safety_notices text[] not null default '{}';
alter table comment add column safety_notices text[] not null default '{}';

-- One open review item per target; it collects screening matches now and member flags later.
create table review_item (
    id          bigserial primary key,
    post_id     bigint references post (id) on delete cascade,
    comment_id  bigint references comment (id) on delete cascade,
    status      varchar(12) not null default 'OPEN'
                check (status in ('OPEN', 'APPROVED', 'HIDDEN', 'REMOVED', 'DISMISSED')),
    severity    integer     not null,
    category    varchar(20) not null check (category in ('UNSAFE_ADVICE', 'RED_FLAG', 'SPAM', 'MEMBER_FLAG')),
    reasons     text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0,
    check (num_nonnulls(post_id, comment_id) = 1)
);
create unique index review_item_open_post_uq on review_item (post_id) where status = 'OPEN' and post_id is not null;
create unique index review_item_open_comment_uq on review_item (comment_id) where status = 'OPEN' and comment_id is not null;
create index review_item_queue_idx on review_item (severity desc, created_at) where status = 'OPEN';

-- Fixed-window request counters shared by every app instance (rate limits hold behind a load balancer).
create table rate_limit_counter (
    bucket       varchar(200) not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    primary key (bucket, window_start)
);
