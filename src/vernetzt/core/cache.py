"""Django's Redis cache, with one client object per connection pool instead of one per call.

`redis.Redis(...)` builds its table of response callbacks on every construction (about 0.2 ms
of CPU); Django's client constructs one for each cache operation. A live-room update does four
to six cache operations, so this was a third of its cost. The client is thread-safe and
shares the same pool, so keeping it changes nothing else (measured in
docs/decisions/0170-live-versions-and-snapshots.md).
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
