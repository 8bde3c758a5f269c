"""The shape of one language's attribution words (`actors/lang/<code>.py`).

Actor and source names of a language (monitors, armed groups, forces) are YAML in
the actor-dictionary format (docs/actors.md) beside the module, `<code>.yaml`,
merged over the packaged dictionary by name: an entry with the name of a packaged
actor adds aliases to it ("داعش" to "Islamic State").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceWords:
    """How a language attributes a statement (regular-expression alternations).

    * `speech`: speech verbs after or before a speaker ("said", "a indiqué", "قال").
    * `according`: "according to" phrases written before the speaker.
    * `targets`: words written just before an actor that make it the side hit, not the
      one hitting (English's "against", "attacked" are in incidents/context.py): Arabic
      "وسبعة من عناصر القوات الحكومية" (seven of the government forces' members).
    * `roles`: (role, lower-case words) of the speakers a language names by office, as
      English's "officials", "the governor" (actors/sources.py): "глава областной
      военной администрации", "прокуратура" give "official".
    """

    code: str
    speech: str = ""
    according: str = ""
    targets: str = ""
    roles: tuple[tuple[str, str], ...] = ()
