"""The tollwatch exception hierarchy.

    TollwatchError                 every error the library raises on purpose
    ├── InputError                 a report or file that cannot be read
    │   ├── EncodingError          bytes that are not text in any encoding we try
    │   └── RecordError            a JSONL line that is not a JSON object with an "id"
    ├── SettingsError              a bad setting, config file or environment value
    ├── GazetteerError             a gazetteer file that is missing, truncated or malformed
    ├── StoreError                 the incident database cannot be opened or written
    ├── ClusterError               a Dask cluster that cannot be reached or used (--cluster)
    ├── EvalError                  a gold file that does not follow the gold schema
    └── MailError                  a message the SMTP server did not take (digests, alerts)

Every message says what was wrong, where (file and line), and how to fix it.
"""

from __future__ import annotations


class TollwatchError(Exception):
    """Base class; `code` is a short stable name used in docs and exit codes."""

    code = "error"


class InputError(TollwatchError):
    code = "input"


class EncodingError(InputError):
    code = "encoding"


class RecordError(InputError):
    code = "record"


class SettingsError(TollwatchError):
    code = "settings"


class GazetteerError(TollwatchError):
    code = "gazetteer"


class StoreError(TollwatchError):
    code = "store"


class ClusterError(TollwatchError):
    code = "cluster"


class EvalError(TollwatchError):
    code = "eval"


class MailError(TollwatchError):
    code = "mail"
