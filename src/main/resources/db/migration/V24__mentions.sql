-- @mentions (writing/): who was named in which post or comment, so each member is told once per post or comment,
-- however often it is edited. Goes with the member, the post or the comment.
create table mention (
    member_id  bigint      not null references member (id) on delete cascade,
    post_id    bigint      references post (id) on delete cascade,
    comment_id bigint      references comment (id) on delete cascade,
    created_at timestamptz not null default now(),
    check ((post_id is null) <> (comment_id is null))
);
create unique index mention_post_once_idx on mention (member_id, post_id) where post_id is not null;
create unique index mention_comment_once_idx on mention (member_id, comment_id) where comment_id is not null;
create index mention_post_idx on mention (post_id);
create index mention_comment_idx on mention (comment_id);

-- Mentions are a kind of notification of their own (V18 gave notifications their kinds).
alter table notification drop constraint notification_kind_check;
alter table notification add constraint notification_kind_check
    check (kind in ('REPLY', 'ANSWER_ACCEPTED', 'MODERATION', 'FLAG_OUTCOME', 'NEW_POST', 'MENTION', 'OTHER'));
