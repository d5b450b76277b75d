#!/bin/bash
# Every day at SAFEGUARDING_BACKUP_TIME (container's local time, TZ): a consistent pg_dump of the
# whole database (custom format), encrypted with GnuPG (AES-256, integrity-protected) under the
# passphrase SAFEGUARDING_BACKUP_PASSPHRASE, written to /backups; dumps older than
# SAFEGUARDING_BACKUP_RETENTION_DAYS days are deleted. Nothing unencrypted is written to disk.
# Restore: README "Backup and restore". With "once" as argument: one backup now, then exit.
set -euo pipefail

: "${PGHOST:?}" "${PGDATABASE:?}" "${PGUSER:?}" "${PGPASSWORD:?}"
: "${SAFEGUARDING_BACKUP_PASSPHRASE:?set SAFEGUARDING_BACKUP_PASSPHRASE}"
backup_time="${SAFEGUARDING_BACKUP_TIME:-02:30}"
retention_days="${SAFEGUARDING_BACKUP_RETENTION_DAYS:-30}"

backup_once() {
  local file="/backups/safeguarding-$(date +%Y-%m-%dT%H%M).dump.gpg"
  pg_dump -Fc \
    | gpg --batch --yes --symmetric --cipher-algo AES256 --passphrase-fd 3 --output "$file.part" \
        3<<<"$SAFEGUARDING_BACKUP_PASSPHRASE"
  mv "$file.part" "$file"
  echo "backup written: $(basename "$file") ($(stat -c %s "$file") bytes)"
  find /backups -name 'safeguarding-*.dump.gpg' -mtime "+$retention_days" -print -delete \
    | sed 's/^/backup past retention deleted: /'
}

if [ "${1:-}" = once ]; then
  backup_once
  exit 0
fi
while true; do
  now=$(date +%s)
  next=$(date -d "today $backup_time" +%s)
  [ "$next" -le "$now" ] && next=$(date -d "tomorrow $backup_time" +%s)
  sleep $((next - now))
  backup_once || echo "backup FAILED; next attempt at $backup_time tomorrow" >&2
done
