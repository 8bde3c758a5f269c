"""Stage 1, reading: paths, files and feeds in; `Report`s (or `Rejection`s) out.

    paths --files.read_paths--> Report | Rejection --cleaning.clean--> CleanText

One module per input format (jsonl, text, html, feed), `files` to walk paths and
folders, `decode` for encodings and markup, `cleaning` for sentences and boilerplate.
"""

from .cleaning import clean
from .files import iter_folder, parse_published, read_file, read_paths, read_results, read_stdin
from .jsonl import parse_jsonl_line, parse_record
from .result import ReadResult

__all__ = [
    "ReadResult",
    "clean",
    "iter_folder",
    "parse_jsonl_line",
    "parse_published",
    "parse_record",
    "read_file",
    "read_paths",
    "read_results",
    "read_stdin",
]
