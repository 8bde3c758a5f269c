"""The shape of one language's word table for the casualty grammar.

A language module (`tolls/lang/<code>.py`) fills one `TollWords` and nothing else:
the rules that read it (`tolls/clauses.py` for every language, plus the detailed
English grammar of `tolls/rules.py` and `tolls/implicit.py`, whose English words live
in `tolls/lang/en.py`) are shared. Every pattern piece is a regular-expression
alternation matched case-insensitively, without capturing groups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ...records import Outcome

# The flags a sentence cue sets on every figure of its sentence (`tolls/sentence_flags.py`):
# "aggregate_cue" (a total over days or events), "cumulative" (a war total, left out),
# "update" (the toll rose to N), "claim_cue" (a party's claim of its own action),
# "rise_cause" (what made an update's toll rise: "after two of the wounded died"),
# "part_cue" (the deadliest of several attacks: its figure is a part of the total),
# "provisional" (a toll told as provisional: another count of the incident told near it).
SENTENCE_CUES: tuple[str, ...] = (
    "aggregate_cue", "cumulative", "update", "claim_cue", "background", "other_source",
    "rise_cause", "part_cue", "provisional", "shootout", "concession",
    "contrast", "own_ranks", "of_the_dead", "next_one", "enemy_label",
)


@dataclass(frozen=True)
class TollWords:
    """The words of one language that the clause grammar (`tolls/clauses.py`) binds.

    * `numbers`: number words ("dos" -> 2) read where a figure may stand; a key may be
      several words ("quatre mille"); "mil" / "mille" multiply the figure before them
      when listed in `multipliers`.
    * `vague`: vague amounts -> best under the shared convention (docs/tolls.md):
      "des dizaines" 24, "une dizaine" 10, "centenas" 200; no low or high.
    * `multipliers`: words after a figure that multiply it ("mil" -> 1000).
    * `precheck`: lower-case stems; a sentence with none of them has no toll in it.
    * `qualifiers`: kind -> alternation, kinds as in `tolls/numbers.py`: "least" (al
      menos), "more" (más de), "about" (unos, cerca de), "nearly", "upto", "fewer".
    * `outcomes`: outcome -> words written after the figure ("3 muertos", "5 blessés").
    * `verbs`: outcome -> verbs written before the figure ("asesinan a 4", "deja 3").
    * `leaves`: verbs that leave a toll, read only before a figure and its outcome word
      ("deja 3 muertos", "fait 12 morts", "faz 11 mortos").
    * `objects`: words between a verb and its figure ("a" in "asesinan a 4").
    * `nouns`: outcome -> nouns written before the figure, with the words between
      ("la mort de 3", "la cifra de muertos a 12": "toll" nouns of `cues`).
    * `conjunctions`: "et", "y", "e": "3 gendarmes et un civil tués" counts both.
    * `auxiliaries`: words that end the victim phrase after a figure ("ont", "fueron",
      "en", "dans"): "vingt soldats ont été tués" names "soldats".
    * `cues`: flag -> words of the sentence that set it (`SENTENCE_CUES`); `other_source`:
      another source's figure for the incident told before ("a pour sa part fait état
      de", "por su parte", "من جهتها"), folded into it as a range (incidents/conflict.py);
      `part_cue`: the sentence tells the deadliest of several attacks ("l'attaque la plus
      meurtrière", "el ataque más letal", "o caso mais grave"): its figure is a part of the
      total told before, not added to it (incidents/parts.py); `provisional`: a toll told
      as provisional ("un bilan provisoire", "balance preliminar", "balanço provisório"),
      not an older one: with the nearest count of the same victims it is one incident,
      the larger figure the current toll (incidents/repeats.py); `shootout`: the forces'
      version of a police or army operation's dead ("quatro suspeitos mortos em confronto
      com os agentes", "abatidos tras enfrentarse"): the same deaths as a more independent
      source's count of the operation's dead told before (incidents/conflict.py);
      `concession`: the other party acknowledging its own dead after a claim ("FLEC diz
      ter matado 12 militares, FAA reconhecem duas mortes"): a figure after these words,
      past a clause break, is no part of the claim told before it
      (tolls/sentence_flags.py); `contrast`: a figure set against the one before it
      ("anunciou a polícia, mas organizações ... falam em nove"): another source's count
      that the report does not lead with (incidents/conflict.py); `own_ranks`: the
      speaker's own dead named right after their figure ("deux morts dans ses rangs",
      "dos bajas en sus filas", "tombés sur le champ d'honneur"): never part of the claim
      the same sentence makes (tolls/sentence_flags.py); `of_the_dead`: the dead told
      before, right after a figure ("dois dos mortos", "tres de los fallecidos", "deux des
      victimes"): a part of that toll, not another (tolls/sentence_flags.py);
      `next_one`: the next victim by its ordinal after a figure ("três morreram no local e
      a quarta no hospital", "la cuarta", "le quatrième"): the figure is a part of the
      total told before (tolls/sentence_flags.py); `enemy_label`: the word a state force
      uses for the enemies it says it killed ("terroristes"): a killed figure whose victims
      are so named is the forces' claim, whoever repeats it (tolls/sentence_flags.py).
    * `earlier`: words marking a figure as an earlier, superseded toll ("un premier bilan").
    * `distinct`: words marking a figure as distinct from the one before ("otros");
      `rest`: the same word after a definite article, right before the figure ("los
      otros 16 cuerpos", "os outros dois"): the rest of a group told before, not another
      group (incidents/figures.py).
    * `apart`: words opening a sentence on another event, however far before its figure
      ("Кроме того", "Напередодні": the day before), read by incidents/parts.py.
    * `singular`: one death without a figure ("fue asesinado", "a été tué", "morreu");
      `own_death`: the attacker's own ("se suicidó"); `attackers`: subjects that are the
      attackers; `nobody`: subjects that negate ("nadie"); `pointing`: articles that
      point back to someone told before ("el", "su"); `partitive`: "uno de"
      (`tolls/clause_singulars.py`); `inverted`: person nouns that may follow a singular
      death verb as its subject ("погибла женщина"), read when the words before the verb
      are too many to be its subject.
    * `units`: words right after a figure that make it no count: ages, durations,
      distances, money ("un homme de 69 ans", "a las 10 horas", "a 5 km").
    * `including`: words opening an aside between commas that names some of the victims
      ("huit personnes, dont deux gendarmes, ont été tuées"; "entre ellas", "entre eles").
    * `event_year`: an event named with its year after it, the year in a group `year`
      ("تفجير حي الكرادة عام 2016"): a figure of that sentence from an earlier year than
      the report's is background, whatever day the sentence also names (a court's).
    * `mixed`: words that make the figure before them a count of the dead and the wounded
      together ("nueve personas, entre muertos y heridos", "entre mortos e feridos"): the
      words are blanked before the grammar reads the sentence, so no outcome word of
      theirs binds the figure (`ClauseGrammar.without_units`).
    * `rate`: a rate, not a count ("una tasa de 38 homicidios por cada 100.000
      habitantes", "un taux de 12 meurtres pour 100 000 habitants"): blanked as `mixed`
      is, the figure and its outcome word together, so it binds nothing.
    * `hedge`: words right before a figure that make it a possibility, not a count
      ("le bilan pourrait être de", "could be as high as"): it widens the range of the
      incident it speaks of (incidents/hedge.py).
    * `hedge_after`: the same told after the figure, on its verb ("as many as 100 people
      may have been killed").
    """

    code: str
    name: str
    numbers: Mapping[str, int] = field(default_factory=dict)
    vague: Mapping[str, int] = field(default_factory=dict)
    multipliers: Mapping[str, int] = field(default_factory=dict)
    precheck: str = ""
    qualifiers: Mapping[str, str] = field(default_factory=dict)
    outcomes: Mapping[Outcome, str] = field(default_factory=dict)
    verbs: Mapping[Outcome, str] = field(default_factory=dict)
    leaves: str = ""
    objects: str = ""
    nouns: Mapping[Outcome, str] = field(default_factory=dict)
    conjunctions: str = ""
    auxiliaries: str = ""
    cues: Mapping[str, str] = field(default_factory=dict)
    earlier: str = ""
    distinct: str = ""
    rest: str = ""
    # the dead named with no side ("personnes", "pessoas", "mortos"): a count a party's
    # version of its enemies' dead may retell (incidents/conflict.py)
    people: str = ""
    units: str = ""
    singular: str = ""
    own_death: str = ""
    attackers: str = ""
    nobody: str = ""
    pointing: str = ""
    partitive: str = ""
    inverted: str = ""
    apart: str = ""
    hedge: str = ""
    hedge_after: str = ""
    including: str = ""
    event_year: str = ""
    mixed: str = ""
    rate: str = ""
    # the words right before a count of more bodies recovered ("тела еще", "тіла ще"):
    # deaths that raised a risen toll, or that add to an earlier figure told as such
    more_bodies: str = ""
