-- A moderator who approves a text the screening model read as red-flag symptoms has found none: its urgent-care box
-- goes for the writer too (ReviewService). Undo puts it back: the decision remembers that it took the box away.
alter table moderation_decision add column model_urgent_care_removed boolean not null default false;
