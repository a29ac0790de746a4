#!/bin/sh
# The scheduler: `manage.py run_scheduled` as its own process (the apps' scheduled_jobs():
# reminders, purges, sessions), checking every 15 minutes. No cron daemon in a container.
exec python manage.py run_scheduled --loop 15
