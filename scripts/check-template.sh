#!/usr/bin/env bash
# Proves the module template green out of the box: in a scratch copy of the repository it instantiates
# templates/minzheng-module as a new line, adds it to the module list (the one edit outside its folders), adds its
# migrations, builds with warnings as errors, checks formatting, and runs the new module's tests on SQLite and
# PostgreSQL, its browser journey, and the architecture, permission-matrix and module-list tests.
# Not part of .ci/run (it builds the solution a second time); run it after changing the platform or the template.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/minzheng-template.XXXXXX)
chmod 755 "$work"
# shellcheck source=scripts/postgres-lib.sh
source "$root/scripts/postgres-lib.sh"
cleanup() {
  if [ -n "${PGDATA_DIR:-}" ] && [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef >/dev/null

echo "== copying the working tree"
mkdir -p "$work/repo"
git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$work/repo"
cd "$work/repo"

echo "== dotnet new minzheng-module -n TemplateCheck"
dotnet new install "$root/templates/minzheng-module" --debug:custom-hive "$work/hive" >/dev/null
dotnet new minzheng-module -n TemplateCheck --title 模板检查 --route template-check -o . --debug:custom-hive "$work/hive" >/dev/null
sed -i 's|        new AdministrationModule(),|        new AdministrationModule(),\n        new Minzheng.Modules.TemplateCheck.TemplateCheckModule(),|' src/Minzheng/Modules/MinzhengModules.cs
grep -q TemplateCheckModule src/Minzheng/Modules/MinzhengModules.cs

echo "== build and migrations"
dotnet build src/Minzheng -c Release -nologo -clp:ErrorsOnly
for provider in Sqlite Postgres; do
  dotnet ef migrations add TemplateCheck --project src/Minzheng --context "${provider}MinzhengDbContext" \
    --output-dir "Migrations/$provider" --namespace "Minzheng.Migrations.$provider" --configuration Release --no-build >/dev/null
done
dotnet build Minzheng.slnx -c Release -nologo -clp:ErrorsOnly
dotnet format Minzheng.slnx --verify-no-changes --no-restore -v quiet

echo "== tests"
start_postgres
export MINZHENG_CHROMIUM=/usr/bin/chromium
dotnet test tests/Minzheng.Tests -c Release --no-build \
  --filter "FullyQualifiedName~TemplateCheck|FullyQualifiedName~Architecture|FullyQualifiedName~PermissionMatrix|FullyQualifiedName~ModuleList|FullyQualifiedName~MigrationTests"
dotnet test tests/Minzheng.BrowserTests -c Release --no-build --filter "FullyQualifiedName~TemplateCheck|FullyQualifiedName~PlatformJourney"
echo "template: green"
