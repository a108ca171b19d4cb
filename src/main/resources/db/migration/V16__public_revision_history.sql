-- Revision history shows the public only versions the public could read. A version saved while its post or comment
-- is held for review joins the public history when a moderator publishes it; a moderator's edit takes every earlier
-- version out of it (they replaced that text for a reason). Authors and moderators still see every version.
alter table post_revision add column in_public_history boolean not null default true;
alter table comment_revision add column in_public_history boolean not null default true;

-- Existing history: a version followed by a moderator's edit (an editor other than the author), and the current
-- version of content that is not published (held, hidden or removed), are not public.
update post_revision r set in_public_history = false
from post p
where p.id = r.post_id
  and (exists (select 1 from post_revision later where later.post_id = r.post_id and later.revision > r.revision
                 and later.editor_id is not null and later.editor_id is distinct from p.author_id)
       or (p.status <> 'PUBLISHED'
           and r.revision = (select max(latest.revision) from post_revision latest where latest.post_id = r.post_id)));

update comment_revision r set in_public_history = false
from comment c
where c.id = r.comment_id
  and (exists (select 1 from comment_revision later where later.comment_id = r.comment_id and later.revision > r.revision
                 and later.editor_id is not null and later.editor_id is distinct from c.author_id)
       or (c.status <> 'PUBLISHED'
           and r.revision = (select max(latest.revision) from comment_revision latest where latest.comment_id = r.comment_id)));
