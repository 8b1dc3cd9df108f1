"""The LA's success measures, today's work list, the dashboard's time series and the census
helper. Qt-free: the home page, the termly report and the CLI all read the same figures."""

from apdesk.models.charts import Chart, Series
from apdesk.services.measures.census import CENSUS_COLUMNS, CensusReport, CensusRow, census_rows
from apdesk.services.measures.common import (
    NATIONAL_KEY,
    Period,
    get_national_rate,
    set_national_rate,
    year_to_date,
)
from apdesk.services.measures.display import detail_text, figure_text, short_of_target, target_text
from apdesk.services.measures.measures import all_measures
from apdesk.services.measures.model import Measure
from apdesk.services.measures.today import TodayItem, todays_work
from apdesk.services.measures.trends import all_charts

__all__ = [
    "CENSUS_COLUMNS",
    "NATIONAL_KEY",
    "CensusReport",
    "CensusRow",
    "Chart",
    "Measure",
    "Period",
    "Series",
    "TodayItem",
    "all_charts",
    "all_measures",
    "census_rows",
    "detail_text",
    "figure_text",
    "get_national_rate",
    "set_national_rate",
    "short_of_target",
    "target_text",
    "todays_work",
    "year_to_date",
]
