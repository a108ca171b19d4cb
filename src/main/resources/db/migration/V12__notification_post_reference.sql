-- The post a notification is about, as a reference: its title is filled in when the notification is shown, so a
-- title is never copied into other members' notifications and goes (or becomes "[deleted]") with its post.
alter table notification add column post_id bigint references post (id) on delete set null;

-- Earlier notifications quoted the title; point them at the post instead.
update notification n set post_id = p.id, text = replace(n.text, '"' || p.title || '"', '"' || chr(2) || '"')
from post p
where n.link ~ '^/posts/[0-9]+' and p.id = substring(n.link from '^/posts/([0-9]+)')::bigint
  and position('"' || p.title || '"' in n.text) > 0;
