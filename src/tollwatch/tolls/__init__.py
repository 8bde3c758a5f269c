"""Stage: casualty figures. `CleanText` and candidate sentences in; `TollMention`s out.

    numbers (quantities, vague amounts) -> lexicon (outcome words) -> phrases and
    rules (binding a figure to killed/wounded/...) -> implicit (singulars, zeros)

`find_tolls(clean, sentences, settings)` is the stage's call (docs/tolls.md).
"""

from .find import find_tolls, sentence_tolls

__all__ = ["find_tolls", "sentence_tolls"]
