#!/usr/bin/env bash
# Adds a migration with the same name for every database provider (SQLite, SQL Server, PostgreSQL).
#   scripts/add-migration.sh AddWorkshopCapacity
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project="src/MentorHub.Migrations.$provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
echo "Added migration $name for SQLite, SQL Server and PostgreSQL."
