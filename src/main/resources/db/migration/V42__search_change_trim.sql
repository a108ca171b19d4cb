-- Issue 18: the log of search changes (V41) grew for ever. Each instance reads it at least every
-- backstory.search.catch-up-every (search/SearchIndex), so rows older than backstory.search.change-retention are
-- read everywhere and one instance removes them (a cluster job). Existing rows count as logged now.
alter table search_change add column logged_at timestamptz not null default now();
