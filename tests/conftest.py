"""Suite-wide fixtures come from the kit's pytest plugin.

The suite keeps many services alive at once (in-process apps, server threads, processes it
starts), all on one PostgreSQL whose `max_connections` is 100 (the embedded server's and a
stock server's default). Each service's pools default to 10 + 5 ORM connections and 10 raw
ones, which a burst of parallel calls (an IPTT, a feed test) fills and then keeps: so the
suite runs every service, and every process it starts (they inherit the environment), with
small pools. Production sizes are unchanged; a test that sets its own size still wins.
Overdue commitments are not announced by a timer in the suite either (see below).
"""

import os

from services.common.catalog import database_services

for _spec in database_services():
    for _name, _value in (
        ("DB_POOL_SIZE", "3"),
        ("DB_MAX_OVERFLOW", "2"),
        ("DB_READ_POOL_SIZE", "3"),
    ):
        os.environ.setdefault(f"{_spec.env_prefix}{_name}", _value)
os.environ.setdefault("SOMOS_WEBHOOKS_WORKER_CONCURRENCY", "4")
# Many tests record commitments due in the past; the events service's overdue announcements
# would add `commitment.overdue` changes to their feeds at arbitrary moments. The tests of the
# announcements set their own interval.
os.environ.setdefault("SOMOS_EVENTS_OVERDUE_CHECK_SECONDS", "0")

pytest_plugins = ["services.common.testing"]
