"""The models of terugkoppeling, one module per feature, all importable from here.

- ``reports``: ``PatrolReport``, its ``Signal``s with their ``SignalStatusChange``s, ``SignalDepartment``;
- ``pages``: ``TeamReportPage`` (behind the team links), ``FeedbackIndexPage``, ``FeedbackPage``
  with its ``FeedbackHighlight``s.

Models import neither views nor mails: pages name their forms and sub-page URLs by dotted path.
"""

from .pages import FeedbackHighlight, FeedbackIndexPage, FeedbackPage, TeamReportPage
from .reports import PatrolReport, Signal, SignalDepartment, SignalStatusChange

__all__ = [
    "FeedbackHighlight",
    "FeedbackIndexPage",
    "FeedbackPage",
    "PatrolReport",
    "Signal",
    "SignalDepartment",
    "SignalStatusChange",
    "TeamReportPage",
]
