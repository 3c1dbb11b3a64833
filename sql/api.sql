--
-- api: the public SQL interface, so that any change to it shows as a diff.
--
\df dynamo.*
\d dynamo.tables
SELECT nspname FROM pg_namespace WHERE nspname LIKE 'dynamo%' ORDER BY 1;
SELECT extname, extversion, extnamespace::regnamespace AS schema, extrelocatable
FROM pg_extension WHERE extname = 'pg_dynamo';
-- settings (defined once the library is loaded)
SELECT count(*) > 0 AS loaded FROM dynamo.exceptions();
SELECT name, setting, context FROM pg_settings WHERE name LIKE 'pg\_dynamo.%' ORDER BY name;
