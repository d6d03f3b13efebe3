#!/bin/sh
# Run once by the postgres image on an empty data directory (mounted into /docker-entrypoint-initdb.d by
# docker-compose.yml): the service's own login role, owner of its database and so of the schemas and tables it
# creates there, but no superuser and no right to create roles or databases.
set -eu
: "${AGH_DB_PASSWORD:?AGH_DB_PASSWORD is not set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v password="$AGH_DB_PASSWORD" <<'SQL'
CREATE ROLE agh LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'password';
CREATE DATABASE agh OWNER agh;
REVOKE ALL ON DATABASE agh FROM PUBLIC;
SQL
