#!/bin/sh
# Keycloak keeps its data (realms, users, sessions) in its own database and user beside the app's, in the same
# PostgreSQL. The postgres image runs this once, when it initialises an empty data volume.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set kc_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
create user keycloak with password :'kc_password';
create database keycloak owner keycloak;
SQL
