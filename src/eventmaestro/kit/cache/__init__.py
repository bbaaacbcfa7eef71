from eventmaestro.kit.cache.base import Cache
from eventmaestro.kit.cache.factory import create_cache

__all__ = ["Cache", "create_cache"]
