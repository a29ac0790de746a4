"""S3-compatible object storage for uploads when several web servers share them.

The files' addresses stay under MEDIA_URL on our own origin (strict CSP, one origin) and are
served by `vernetzt.core.media.serve`, which checks who may see each file; the bucket itself
is private (no public ACL, no presigned links handed out).
"""

from urllib.parse import quote

from django.conf import settings
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class MediaS3Storage(S3Storage):
    default_acl = None  # the bucket's own policy: private
    querystring_auth = False
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + quote(clean_name(name))
