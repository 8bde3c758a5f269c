"""Score extraction against the gold schema (../shared/gold/README.md).

    gold files --load_gold--> GoldRecord[] --extract_all--> Extraction[]
        --document_prediction--> Prediction[] --score_record--> DatasetScores
        --> format_table / result_json / check_floor

`evaluate_files` composes the whole run; docs/quality.md describes every metric
and the rules that reduce an extraction to one document-level prediction.
"""

from .floor import Floor, build_floor, check_floor, read_floor, write_floor
from .gold import GoldFields, GoldRecord, dataset_family, load_gold, parse_gold_record
from .metrics import METRICS, DatasetScores, MetricValue, score_record
from .normalise import actor_class, admin_key, country_code, same_admin1, same_place
from .parallel import extract_all
from .predict import Prediction, document_prediction, main_incident, top_level_incidents
from .report import TARGETS, format_table, result_json, target_for
from .run import EvalResult, RunStats, evaluate_files, evaluate_records, score_extractions

__all__ = [
    "METRICS",
    "TARGETS",
    "DatasetScores",
    "EvalResult",
    "Floor",
    "GoldFields",
    "GoldRecord",
    "MetricValue",
    "Prediction",
    "RunStats",
    "actor_class",
    "admin_key",
    "build_floor",
    "check_floor",
    "country_code",
    "dataset_family",
    "document_prediction",
    "evaluate_files",
    "evaluate_records",
    "extract_all",
    "format_table",
    "load_gold",
    "main_incident",
    "parse_gold_record",
    "read_floor",
    "result_json",
    "same_admin1",
    "same_place",
    "score_extractions",
    "score_record",
    "target_for",
    "top_level_incidents",
    "write_floor",
]
