-- What each notification is about, so members can choose which kinds also come by e-mail (mail/).
alter table notification add column kind varchar(20) not null default 'OTHER'
    check (kind in ('REPLY', 'ANSWER_ACCEPTED', 'MODERATION', 'FLAG_OUTCOME', 'NEW_POST', 'OTHER'));
update notification set kind = case
    when text like chr(1) || ' replied to your %' then 'REPLY'
    when text like 'New post in %' then 'NEW_POST'
    when text like 'Your answer on %' then 'ANSWER_ACCEPTED'
    when text like 'The % you flagged%' then 'FLAG_OUTCOME'
    when text like 'Your % on %' then 'MODERATION'
    else 'OTHER' end;
-- Every new notification names its kind.
alter table notification alter column kind drop default;
