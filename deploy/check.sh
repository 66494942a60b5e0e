#!/usr/bin/env bash
# Checks the deployment samples with the tools that judge them, where installed: systemd-analyze verify for the
# unit, nginx -t for the site, logrotate -d for the rotation, bash -n for the scripts. A tool that is missing is
# reported as skipped, never as passed. Exit 0 when every available check passed. Run by DeploymentFilesTests.
set -uo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
ok() { echo "ok: $*"; }
bad() { echo "FAILED: $*"; failed=1; }
skip() { echo "skipped: $* (not installed)"; }

for script in minzheng-cli upgrade.sh check.sh; do
  bash -n "$script" && ok "bash -n $script" || bad "bash -n $script"
done

if command -v systemd-analyze >/dev/null; then
  # The unit as written, except that the executable is a stand-in: verify insists that ExecStart exists.
  mkdir -p "$work/opt"
  printf '#!/bin/sh\n' > "$work/opt/Minzheng" && chmod +x "$work/opt/Minzheng"
  sed "s|^ExecStart=/opt/minzheng/Minzheng|ExecStart=$work/opt/Minzheng|" minzheng.service > "$work/minzheng.service"
  # Any message (an unknown key, a bad value) counts as a failure, not only a non-zero exit.
  if output=$(systemd-analyze verify "$work/minzheng.service" 2>&1) && [ -z "$output" ]; then
    ok "systemd-analyze verify minzheng.service"
  else
    bad "systemd-analyze verify minzheng.service: $output"
  fi
  for span in $(sed -n 's/^MaxRetentionSec=\|^MaxFileSec=//p' journald-minzheng.conf); do
    systemd-analyze timespan "$span" >/dev/null 2>&1 && ok "journald time span $span" || bad "journald time span $span"
  done
else
  skip "systemd-analyze"
fi

if command -v nginx >/dev/null; then
  # A throwaway nginx.conf around the site, with a self-signed certificate in place of the real one.
  mkdir -p "$work/logs/minzheng"
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=test -days 1 -keyout "$work/key.pem" -out "$work/cert.pem" >/dev/null 2>&1
  sed -e "s|/etc/nginx/tls/minzheng.crt|$work/cert.pem|; s|/etc/nginx/tls/minzheng.key|$work/key.pem|" \
      -e "s|/var/log/nginx/minzheng/|$work/logs/minzheng/|" nginx-minzheng.conf > "$work/site.conf"
  printf 'pid %s/nginx.pid;\nerror_log %s/error.log;\nevents {}\nhttp {\n  access_log off;\n  include %s/site.conf;\n}\n' \
    "$work" "$work" "$work" > "$work/nginx.conf"
  nginx -t -q -c "$work/nginx.conf" -p "$work" 2>"$work/nginx.err" && ok "nginx -t" || bad "nginx -t: $(cat "$work/nginx.err")"
else
  skip "nginx"
fi

if command -v logrotate >/dev/null; then
  logrotate -d logrotate-minzheng-nginx >"$work/logrotate.out" 2>&1 && ! grep -qi "error" "$work/logrotate.out" \
    && ok "logrotate -d" || bad "logrotate -d: $(grep -i error "$work/logrotate.out")"
else
  skip "logrotate"
fi

exit $failed
