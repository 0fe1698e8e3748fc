#!/usr/bin/env bash
# The PostgreSQL server the tests use: Debian's PostgreSQL 15 cluster "main" on loopback (port 5432), with a role the
# tests sign in as (test-only credentials, matching MENTORHUB_TEST_POSTGRES's default in the test projects). Each test
# fixture creates a database of its own and drops it afterwards.
#   scripts/test-postgres.sh start   installs PostgreSQL if missing (apt), starts the cluster, creates the role
#   scripts/test-postgres.sh stop    stops the cluster
set -euo pipefail
version=15
role=mentorhub_tests
password=mentorhub-tests

case "${1:-start}" in
  start)
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d "/usr/lib/postgresql/$version" ]; then
      echo "Installing PostgreSQL $version (Debian package) for the tests..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$version" >/dev/null
    fi
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
      pg_createcluster "$version" main >/dev/null
    fi
    if ! pg_lsclusters -h | awk '$1=="'"$version"'" && $2=="main" {print $4}' | grep -qx online; then
      pg_ctlcluster "$version" main start
    fi
    for _ in $(seq 1 30); do
      runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p 5432 && break
      sleep 1
    done
    runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END \$\$;
SQL
    echo "PostgreSQL $version is running on 127.0.0.1:5432 (role $role)."
    ;;
  stop)
    pg_ctlcluster "$version" main stop || true
    ;;
  *)
    echo "usage: scripts/test-postgres.sh start|stop" >&2
    exit 2
    ;;
esac
