-- E-mail to members (mail/). A member's address is theirs alone: it is never shown to anyone else, and every row
-- here goes with the member (on delete cascade) when they delete their account.
create table mail_recipient (
    member_id       bigint primary key references member (id) on delete cascade,
    -- The verified address mail goes to (null: none yet).
    address         varchar(254),
    -- An address the member entered, waiting for its verification link to be followed.
    pending_address varchar(254),
    pending_since   timestamptz,
    -- A bounce or permanent failure stopped mail to the address; a newly verified address starts again.
    stopped_at      timestamptz,
    stopped_reason  varchar(500)
);

-- How often each topic comes by mail: NEVER, AT_ONCE, DAILY or WEEKLY (the last two in a digest).
create table mail_choice (
    member_id bigint      not null references member (id) on delete cascade,
    topic     varchar(20) not null check (topic in ('REPLIES', 'ACCEPTED_ANSWERS', 'MODERATION', 'NEW_POSTS')),
    frequency varchar(10) not null check (frequency in ('NEVER', 'AT_ONCE', 'DAILY', 'WEEKLY')),
    primary key (member_id, topic)
);

-- One digest per member, frequency and period, whichever instance gets there first (the unique key makes the
-- scheduled job safe to run on every instance).
create table mail_digest (
    id           bigserial primary key,
    member_id    bigint      not null references member (id) on delete cascade,
    frequency    varchar(10) not null check (frequency in ('DAILY', 'WEEKLY')),
    period_start timestamptz not null,
    period_end   timestamptz not null,
    unique (member_id, frequency, period_start)
);

-- Mail waiting to be sent, written in the transaction of the event it tells about. Rows hold references, not text:
-- a mail is put together when it is sent, from what its reader may see then.
create table mail_outbox (
    id              bigserial primary key,
    member_id       bigint      not null references member (id) on delete cascade,
    kind            varchar(20) not null check (kind in ('NOTIFICATION', 'DIGEST', 'ADDRESS_CHECK')),
    notification_id bigint references notification (id) on delete cascade,
    digest_id       bigint references mail_digest (id) on delete cascade,
    status          varchar(10) not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'DROPPED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      varchar(500),
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
-- Workers claim due rows in this order (FOR UPDATE SKIP LOCKED).
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where status = 'PENDING';
create index mail_outbox_member_idx on mail_outbox (member_id);
create index mail_outbox_notification_idx on mail_outbox (notification_id);
create index mail_outbox_digest_idx on mail_outbox (digest_id);
