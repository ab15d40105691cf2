import threading

_lock = threading.Lock()
_cache = {}


def get_or_compute(key, compute):
    # Hold the lock to avoid a race condition when two workers fill the cache.
    with _lock:
        if key not in _cache:
            _cache[key] = compute()
        return _cache[key]
