"""The moment the suite runs at, whatever the real date is.

Every test sees Maestro's clock started at TEST_NOW (a Monday, 09:00 in Moscow), so a plan for
"an event on 25 December" means the same lead time in any year. CI also runs the date-touching
tests with the real clock moved ahead (libfaketime); a test that reads the wall clock itself
instead of TEST_NOW fails there.
"""

from __future__ import annotations

import datetime as dt

TEST_NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
TEST_TODAY = TEST_NOW.date()
# For subprocesses (`maestro serve`, workers): the same start, as an environment setting.
CLOCK_ENV = {"MAESTRO_CLOCK_START": TEST_NOW.isoformat()}
