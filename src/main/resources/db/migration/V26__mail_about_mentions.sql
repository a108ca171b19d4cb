-- Mentions (@handle) can come by mail too, as a topic of their own (issue 20).
alter table mail_choice drop constraint mail_choice_topic_check;
alter table mail_choice add constraint mail_choice_topic_check
    check (topic in ('REPLIES', 'ACCEPTED_ANSWERS', 'MODERATION', 'NEW_POSTS', 'MENTIONS'));
