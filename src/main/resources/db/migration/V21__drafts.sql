-- Drafts (drafts/): what a member was writing in a form, saved as they type or when their login ran out.
-- A member's draft: member_id set, one per form (form_path is the address of the form page).
-- A kept draft: sent after the login ran out, so no member yet; it waits, for a day at most, to be claimed by the
-- browser that sent it (claim_key_hash: SHA-256 of the random key in that browser's cookie) and only by the member the
-- form was shown to (owner_id, taken from the form's signed owner seal).
create table draft (
    id             bigserial   primary key,
    member_id      bigint      references member (id) on delete cascade,
    owner_id       bigint      references member (id) on delete cascade,
    claim_key_hash text,
    form_path      text        not null,
    fields         jsonb       not null,
    saved_at       timestamptz not null default now(),
    check ((member_id is null) = (claim_key_hash is not null))
);
create unique index draft_member_form_idx on draft (member_id, form_path) where member_id is not null;
create index draft_claim_idx on draft (claim_key_hash) where claim_key_hash is not null;
