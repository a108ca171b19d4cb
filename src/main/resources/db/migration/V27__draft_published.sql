-- When a member's form was last sent and saved (drafts/). An autosave of that form that reaches the server afterwards,
-- because it was on its way when the member pressed the button or a browser put back an old copy, must not bring the
-- draft back: an autosave names when its page was opened, and one opened before the form was last sent is ignored.
create table draft_published (
    member_id    bigint      not null references member (id) on delete cascade,
    form_path    text        not null,
    published_at timestamptz not null default now(),
    primary key (member_id, form_path)
);
