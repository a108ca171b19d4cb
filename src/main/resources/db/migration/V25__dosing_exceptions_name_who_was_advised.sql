-- Issue 19: "My doctor says walking, but honestly just take double the prescribed dose" was published. Exceptions now
-- apply to the clause they govern (ScreeningEngine), and for dosing a professional's word counts only when it was
-- given to the writer ("my doctor told me", "the pharmacist said I could"), not when it introduces advice to others
-- ("my PT says take double"). Asking a professional counts only when the writer did it, not "ask your doctor".
-- "It will help her more than anything the surgeon's leaflet said" compares comfort, not doses.
update screening_rule
   set exceptions = replace(replace(exceptions,
           '@health_pro said|told|advised|recommended|prescribed|says ~3',
           '@health_pro said|told|advised|recommended|prescribed|says|gave|put me|i|us ~3'),
           'checked|check|asked|ask & @health_pro',
           'i|we checked|asked ~2 & @health_pro') || E'\nhelp her|him|me|you|them|us more than ~1',
       version = version + 1,
       updated_at = now()
 where code = 'unsafe-dosing';
