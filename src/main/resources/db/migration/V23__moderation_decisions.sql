-- A moderator's decision as it can be undone for a while: what it changed, so that undo can put it back.
-- A batch is one press of a button: a single decision, or "remove all as spam" over several items.
create sequence moderation_batch_seq;

create table moderation_decision (
    id                     bigserial primary key,
    batch_id               bigint      not null,
    review_item_id         bigint      not null references review_item (id) on delete cascade,
    moderator_id           bigint      references member (id) on delete set null,
    action                 varchar(20) not null,
    -- The item's version right after the decision: undo only while nothing happened to the item since.
    item_version           integer     not null,
    from_status            varchar(20) not null,
    to_status              varchar(20) not null,
    -- Whether the newest revision was in the public history before (publishing adds it).
    revision_was_public    boolean,
    author_trust_before    smallint,
    author_silenced_before timestamptz,
    safety_note            varchar(2000),
    decided_at             timestamptz not null default now(),
    undone_at              timestamptz
);
create index moderation_decision_batch_idx on moderation_decision (batch_id);

-- Audit-log filters: by moderator and by action, newest first.
create index moderation_action_moderator_idx on moderation_action (moderator_id, created_at desc);
create index moderation_action_action_idx on moderation_action (action, created_at desc);
