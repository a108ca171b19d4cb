-- The screening model learns from moderators (moderation/model/ScreeningLessons, README "Screening model").

-- The sentences screening queued an item for, each with the category it suspected: what a moderator's decision on
-- the item is about. They go with the item.
create table screened_sentence (
    review_item_id bigint      not null references review_item (id) on delete cascade,
    sentence       text        not null,
    category       varchar(20) not null check (category in ('UNSAFE_ADVICE', 'RED_FLAG', 'SPAM')),
    primary key (review_item_id, sentence)
);

-- A moderator's decision as labelled sentences. Rows are only added (an undone decision takes its own back), and the
-- newest row per sentence counts, so a model version is fully described by the last lesson it learnt from.
create table screening_lesson (
    id          bigserial primary key,
    sentence    text        not null,
    label       varchar(20) not null check (label in ('BENIGN', 'UNSAFE_ADVICE', 'RED_FLAG', 'SPAM')),
    decision_id bigint      references moderation_decision (id) on delete cascade,
    created_at  timestamptz not null default now()
);
create index screening_lesson_decision_idx on screening_lesson (decision_id);

-- Every model trained, adopted or not, with its figures on the fixed evaluation split. One is in use (active).
create table screening_model_version (
    id              bigserial primary key,
    created_at      timestamptz      not null default now(),
    trained_for     varchar(12)      not null check (trained_for in ('SHIPPED', 'SCHEDULE', 'MODERATOR')),
    requested_by    bigint           references member (id) on delete set null,
    last_lesson_id  bigint           not null,
    training_size   integer          not null,
    lessons         integer          not null,
    unsafe_recall   double precision not null,
    red_flag_recall double precision not null,
    spam_recall     double precision not null,
    benign_flagged  double precision not null,
    benign_held     double precision not null,
    adopted         boolean          not null,
    active          boolean          not null default false,
    -- The version in use when this one was judged, and so the one it had to match.
    compared_with   bigint           references screening_model_version (id)
);
create unique index screening_model_version_one_active on screening_model_version (active) where active;
create unique index screening_model_version_one_shipped on screening_model_version (trained_for) where trained_for = 'SHIPPED';
