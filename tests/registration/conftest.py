from django.core.servers import basehttp

# The live server listens with a backlog of 5 by default: a rush of 40 clients at once would
# be refused by the kernel before Django sees it. A real server (gunicorn) uses 2048.
basehttp.WSGIServer.request_queue_size = 128
