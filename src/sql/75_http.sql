
-- http: access keys of the HTTP door ----------------------------------

-- Each access key maps to a PostgreSQL role: a request signed with it runs
-- as that role.  SigV4 verification needs the secret itself, so it is kept
-- here, readable only by the extension's owner and superusers.
CREATE TABLE dynamo.access_key_secrets (
    access_key_id     text PRIMARY KEY,
    secret_access_key text NOT NULL,
    role_name         name NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE dynamo.access_key_secrets IS 'pg_dynamo: access keys of the HTTP endpoint with their secrets (owner and superusers only)';
REVOKE ALL ON dynamo.access_key_secrets FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('dynamo.access_key_secrets', '');

-- The keys without their secrets; each role sees the keys of the roles it
-- is a member of (superusers: all)
CREATE VIEW dynamo.access_keys AS
SELECT k.access_key_id, k.role_name, k.created_at
FROM dynamo.access_key_secrets k
WHERE EXISTS (SELECT FROM pg_catalog.pg_roles r
              WHERE r.rolname = k.role_name
                AND pg_catalog.pg_has_role(r.oid, 'MEMBER'));
COMMENT ON VIEW dynamo.access_keys IS 'pg_dynamo: access keys of the HTTP endpoint, without secrets';
GRANT SELECT ON dynamo.access_keys TO PUBLIC;

CREATE FUNCTION dynamo.create_access_key(role name,
    OUT access_key_id text, OUT secret_access_key text)
LANGUAGE plpgsql
AS $$
DECLARE
    -- gen_random_uuid() draws from pg_strong_random(): 122 random bits each
    r bytea := pg_catalog.decode(pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '')
                                 || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '')
                                 || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), 'hex');
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = role) THEN
        RAISE EXCEPTION 'role "%" does not exist', role USING ERRCODE = '42704';
    END IF;
    access_key_id := 'AKPG' || pg_catalog.upper(pg_catalog.encode(pg_catalog.substr(r, 1, 8), 'hex'));
    secret_access_key := pg_catalog.encode(pg_catalog.substr(r, 17, 30), 'base64');
    INSERT INTO dynamo.access_key_secrets (access_key_id, secret_access_key, role_name)
    VALUES (access_key_id, secret_access_key, role);
END
$$;
COMMENT ON FUNCTION dynamo.create_access_key IS 'New access key of the HTTP endpoint for a role; the secret is shown only now';

CREATE FUNCTION dynamo.delete_access_key(access_key_id text)
RETURNS boolean
LANGUAGE sql
AS $$
    WITH gone AS (DELETE FROM dynamo.access_key_secrets k
                  WHERE k.access_key_id = delete_access_key.access_key_id RETURNING 1)
    SELECT count(*) > 0 FROM gone;
$$;
COMMENT ON FUNCTION dynamo.delete_access_key IS 'Delete an access key of the HTTP endpoint; false if there was none';
