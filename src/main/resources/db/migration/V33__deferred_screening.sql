-- Long posts and comments are saved on the rules' verdict; the screening model reads them a moment later, off the
-- request thread (moderation/DeferredScreening). One row per post or comment still to be read; it goes with them.
create table deferred_screening (
    id         bigserial primary key,
    post_id    bigint references post (id) on delete cascade,
    comment_id bigint references comment (id) on delete cascade,
    queued_at  timestamptz not null default now(),
    check (num_nonnulls(post_id, comment_id) = 1)
);
create unique index deferred_screening_post_uq on deferred_screening (post_id) where post_id is not null;
create unique index deferred_screening_comment_uq on deferred_screening (comment_id) where comment_id is not null;
