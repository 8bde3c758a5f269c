"""Stage: dates. `CleanText`, sentences and the publication date in; `DateMention`s out.

    words (months, weekdays) -> rules (date grammar) -> weekdays (calendar arithmetic)
    -> resolve (find_dates: mentions against publication) -> choice (an incident's date)

docs/dates.md describes the rules.
"""

from .choice import incident_date, is_reporting_date
from .order import order_warnings
from .resolve import document_date, find_dates

__all__ = ["document_date", "find_dates", "incident_date", "is_reporting_date", "order_warnings"]
