"""Converting between Morocco's wall-clock time (as officials type it) and stored UTC."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

# zoneinfo reads the `tzdata` package when the system database is missing or old:
# Morocco's rules (UTC+1 with a return to UTC+0 during Ramadan) change by decree.
MOROCCO = ZoneInfo("Africa/Casablanca")


def local_to_utc(value: datetime) -> datetime:
    """A naive Casablanca wall-clock time to an aware UTC datetime."""
    return value.replace(tzinfo=MOROCCO).astimezone(UTC)


def utc_to_local(value: datetime) -> datetime:
    """An aware UTC datetime to a naive Casablanca wall-clock time (for form fields)."""
    return value.astimezone(MOROCCO).replace(tzinfo=None)
