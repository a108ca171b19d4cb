-- An outside tester's "Skip the physio, ..." was answered with the note on stopping prescribed medicine ("some
-- medicines must be tapered"): the wrong danger. Skipping physiotherapy gets a rule of its own, with the same patterns
-- and exceptions it had inside the rule on stopping treatment, and a note naming what is at stake: the strength and
-- movement the exercises rebuild.
insert into screening_rule (code, category, subcategory, action, patterns, exceptions, negatable, notice)
select 'unsafe-skipping-physio', 'UNSAFE_ADVICE', 'skipping physiotherapy', action,
       'stop|stopping|quit|ditch|throw|skip|dump physio* ~4
don''t bother with physio* ~4
stop|stopped|stopping|quit|ditch|forget|skip physio* & overnight|suddenly|too|just
forget|ditch|skip your physio* ~3',
       exceptions, negatable,
       'Skipping physiotherapy can slow recovery or let the pain come back: its exercises rebuild the strength and '
       || 'movement that support your back. Talk to your physio before stopping, or ask for exercises that suit you better.'
  from screening_rule where code = 'unsafe-stopping-treatment'
on conflict (code) do nothing;

update screening_rule
   set patterns = replace(replace(patterns, '|physio|', '|'), '|physio*|', '|'),
       version = version + 1,
       updated_at = now()
 where code = 'unsafe-stopping-treatment';

-- A moderator who approves a text the screening model read as red-flag symptoms has found none: its urgent-care box
-- goes for the writer too (ReviewService). Undo puts it back: the decision remembers that it took the box away.
alter table moderation_decision add column model_urgent_care_removed boolean not null default false;
