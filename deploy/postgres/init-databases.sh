#!/usr/bin/env bash
# One role and one database per Somos service, each database owned by its role and closed
# to every other role. Run once by the postgres image on an empty data directory
# (/docker-entrypoint-initdb.d); safe to re-run by hand (existing roles and databases are
# kept, passwords are reset).
#
#   SOMOS_DATABASES="organizations security_plans events"
#   SOMOS_<SERVICE>_DB_PASSWORD   one per service (URL-safe: letters, digits, - _ .)
#   POSTGRES_USER / POSTGRES_DB   the superuser and database psql connects with
set -euo pipefail

for service in ${SOMOS_DATABASES:?list the services in SOMOS_DATABASES}; do
  var="SOMOS_${service^^}_DB_PASSWORD"
  password="${!var:?set $var}"
  role="somos_${service}"
  database="somos_${service}"
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" \
       --dbname "${POSTGRES_DB:-postgres}" \
       -v role="$role" -v database="$database" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'database', :'role', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT ALL ON DATABASE :"database" TO :"role";
SQL
  echo "somos: database ${database} owned by role ${role}"
done
