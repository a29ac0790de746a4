"""gunicorn's settings for every way vernetzt is served (`make serve-prod`, deploy/, bench/):
gunicorn reads this file from the directory it starts in; the command lines add the address
and the number of workers.

Each worker tells the master it is alive by touching a file after every request. On a disk
that costs a file-system write each time (measured: a worker answered 455 live-room updates
a second with the file on disk, 970 with it in memory; docs/decisions/0187), so it goes to
/dev/shm, as gunicorn's documentation advises for containers.
"""

import os

if os.path.isdir("/dev/shm"):  # noqa: S108 - memory, not a shared temporary directory
    worker_tmp_dir = "/dev/shm"  # noqa: S108
