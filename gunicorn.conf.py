"""gunicorn's settings for every way vernetzt is served (`make serve-prod`, deploy/, bench/):
gunicorn reads this file from the directory it starts in; the command lines add the address
and the number of workers.

Each worker tells the master it is alive by touching a file after every request. Where the
temporary directory is a slow overlay (containers) that is a file-system write each time, so
the file goes to /dev/shm, as gunicorn's documentation advises (docs/decisions/0187).
"""

import os

if os.path.isdir("/dev/shm"):  # noqa: S108 - memory, not a shared temporary directory
    worker_tmp_dir = "/dev/shm"  # noqa: S108
