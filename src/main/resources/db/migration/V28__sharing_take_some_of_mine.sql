-- An outside tester's "Take 4 of my tramadol, works great" was published live: offering the reader a count of the
-- writer's own prescription is sharing it. "I take one of my tramadol at night" is the writer's own use and stays.
update screening_rule
   set patterns = patterns || E'\ntake|try|pop|have one|two|three|four|five|six|few|couple|some|1|2|3|4|5|6 of my|mine @drug ~2',
       exceptions = exceptions || E'\ni|we take|took|taking|have|had one|two|three|four|five|six|few|couple|some|1|2|3|4|5|6 of my|mine ~1',
       version = version + 1,
       updated_at = now()
 where code = 'unsafe-sharing-prescriptions';
