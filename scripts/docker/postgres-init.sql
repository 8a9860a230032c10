-- Run once by the postgres image on an empty volume: Temporal's own role and databases beside Tingvalla's.
-- The password is set from TEMPORAL_DB_PASSWORD by the psql variable below (docker-entrypoint passes none, so
-- it is read from the environment with \getenv, PostgreSQL 15+).
\getenv temporal_password TEMPORAL_DB_PASSWORD
CREATE ROLE temporal LOGIN PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
