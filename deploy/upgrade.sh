#!/usr/bin/env bash
# Upgrades Minzheng in place: backup → stop → replace → migrate → start → wait until ready.
#   sudo deploy/upgrade.sh <folder of the new published build>
# Keeps the previous build in /opt/minzheng.previous. Stops at the first failure and says how to go back.
set -euo pipefail
new=${1:?usage: upgrade.sh <folder of the new published build>}
app=${MINZHENG_APP:-/opt/minzheng}
backups=${MINZHENG_BACKUPS:-/var/backups/minzheng}
ready=${MINZHENG_READY_URL:-http://127.0.0.1:5000/health/ready}
cli=${MINZHENG_CLI:-/usr/local/sbin/minzheng-cli}

[ -x "$new/Minzheng" ] || { echo "no Minzheng executable in $new"; exit 2; }
step() { printf '\n== %s\n' "$*"; }

# The keys do not change in an upgrade: their backup (made at installation and after each rekey) stays apart, offline.
step "1/6 anchor the audit log and back up the database with the running build to $backups"
"$cli" audit checkpoint
"$cli" backup --to "$backups"

step "2/6 stop the service"
systemctl stop minzheng

step "3/6 replace $app (previous build kept in $app.previous)"
rm -rf "$app.previous"
cp -a "$app" "$app.previous"
rsync -a --delete "$new/" "$app/"
chown -R root:root "$app"
chmod -R u=rwX,go=rX "$app"

step "4/6 migrate the database"
if ! "$cli" migrate; then
  echo "migration failed: the service stays stopped. To go back: restore the backup above into an empty database"
  echo "(docs/operations.md, 备份与恢复), then: rsync -a --delete $app.previous/ $app/ && systemctl start minzheng"
  exit 1
fi

step "5/6 start the service"
systemctl start minzheng

step "6/6 wait until $ready answers Healthy"
for _ in $(seq 1 120); do
  if body=$(curl -fsS "$ready" 2>/dev/null) && [[ $body == *'"status":"Healthy"'* ]]; then
    echo "ready: $body"
    exit 0
  fi
  sleep 1
done
echo "not ready after 120 s: $(curl -sS "$ready" 2>&1 || true)"
echo "see: journalctl -u minzheng -n 100"
exit 1
