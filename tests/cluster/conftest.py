"""The cluster test runs only from `make test-cluster` (CLUSTER_TEST=1), never in `make test`:
it starts nginx, two app servers, a worker and two schedulers, which takes minutes."""

import os


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CLUSTER_TEST") == "1":
        return
    cluster = [item for item in items if item.get_closest_marker("cluster")]
    if cluster:
        config.hook.pytest_deselected(items=cluster)
        items[:] = [item for item in items if not item.get_closest_marker("cluster")]
