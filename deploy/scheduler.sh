#!/bin/sh
# The scheduler: the periodic commands, in one small loop (no cron daemon in a container).
# Hourly: reminders that are due; daily at night: sensitive answers past their time, sessions.
set -eu
while true; do
  python manage.py send_reminders || echo "scheduler: send_reminders failed" >&2
  if [ "$(date +%H)" = "03" ]; then
    python manage.py purge_sensitive_answers || echo "scheduler: purge failed" >&2
    python manage.py clearsessions || true
  fi
  sleep 3600
done
