--
-- http: access keys of the HTTP door (the server itself is tested by
-- test/concurrency/http.sh, which needs a preloaded instance)
--
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_http_app;
DROP ROLE IF EXISTS regress_http_other;
RESET client_min_messages;
CREATE ROLE regress_http_app;
CREATE ROLE regress_http_other;
-- errors as their message alone
\set VERBOSITY terse

-- a key: AKPG + 16 hex digits, a 40-character secret shown once
CREATE TEMP TABLE k AS SELECT * FROM dynamo.create_access_key('regress_http_app');
SELECT access_key_id ~ '^AKPG[0-9A-F]{16}$' AS id_format,
       secret_access_key ~ '^[A-Za-z0-9+/]{40}$' AS secret_format FROM k;
SELECT (SELECT access_key_id FROM dynamo.create_access_key('regress_http_app'))
    <> (SELECT access_key_id FROM k) AS keys_differ;
SELECT * FROM dynamo.create_access_key('regress_no_such_role');

-- the view lists keys without secrets
SELECT role_name, count(*) FROM dynamo.access_keys
WHERE role_name LIKE 'regress_http%' GROUP BY role_name;
SELECT attname FROM pg_attribute
WHERE attrelid = 'dynamo.access_keys'::regclass AND attnum > 0 ORDER BY attnum;

-- other roles: no secrets, and only the keys of their own roles
SELECT access_key_id IS NOT NULL AS created FROM dynamo.create_access_key('regress_http_other');
SET ROLE regress_http_other;
SELECT role_name FROM dynamo.access_keys WHERE role_name LIKE 'regress_http%';
SELECT count(*) FROM dynamo.access_key_secrets;
SELECT * FROM dynamo.create_access_key('regress_http_other');
RESET ROLE;

-- delete
SELECT dynamo.delete_access_key(access_key_id) FROM k;
SELECT dynamo.delete_access_key(access_key_id) FROM k;
SELECT count(*) FROM dynamo.access_keys WHERE access_key_id = (SELECT access_key_id FROM k);

DELETE FROM dynamo.access_key_secrets WHERE role_name LIKE 'regress_http%';
DROP ROLE regress_http_app;
DROP ROLE regress_http_other;
