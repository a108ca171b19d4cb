-- New members' first posts and posts with links are reviewed before they appear.
alter table review_item drop constraint review_item_category_check;
alter table review_item add constraint review_item_category_check
    check (category in ('UNSAFE_ADVICE', 'RED_FLAG', 'SPAM', 'MEMBER_FLAG', 'NEW_MEMBER'));
