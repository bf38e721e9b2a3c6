"""The analyse stage: is violence in an area intensifying? (``sitrep trends``)

Per area (first-level division or country) the stored events are counted per period
(ISO week or calendar month, by the start of each event's date interval, as ACLED's
event_date) over the span of all the data, zeros included.  A count regression on time
(Poisson GLM; negative binomial when the counts are overdispersed) gives the rate ratio per
period, its 95% confidence interval and a p-value, and the area is classified:

- *too little data*: fewer than ``min_events`` events, fewer than :data:`MIN_PERIODS`
  periods in the span, or events in fewer than :data:`MIN_ACTIVE_PERIODS` periods (a single
  burst is not a trend, and the model cannot be fitted to it);
- *intensifying*: p < ``alpha`` and the whole CI above 1;
- *de-escalating*: p < ``alpha`` and the whole CI below 1;
- *stable*: otherwise (no trend the data can show, which is not proof of none).

>>> report = trends([], by="admin1", window="week")
>>> report.areas
[]

See ``docs/analysis.md`` for the method and its caveats (reporting volume is not violence
volume).  statsmodels and matplotlib are imported only when a fit or a plot is made.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from sitrep.errors import ConfigError
from sitrep.model import Event

__all__ = [
    "AreaTrend",
    "Trend",
    "TrendReport",
    "fit_trend",
    "plot_trends",
    "print_trends_table",
    "trends",
]

By = Literal["admin1", "country"]
Window = Literal["week", "month"]
Verdict = Literal["intensifying", "de-escalating", "stable", "too little data"]

BY_CHOICES: tuple[str, ...] = ("admin1", "country")
WINDOW_CHOICES: tuple[str, ...] = ("week", "month")
MIN_PERIODS = 4
MIN_ACTIVE_PERIODS = 3
OVERDISPERSED = 1.5
"""Pearson chi-squared / residual df above which a Poisson fit is replaced."""
DEFAULT_MIN_EVENTS = 10
DEFAULT_ALPHA = 0.05
_Z95 = 1.959963984540054

# Which date precisions can be placed in one period of a window (a "month" event cannot be
# given a week; a "year" event cannot be given either).
_PLACEABLE: dict[str, frozenset[str]] = {
    "week": frozenset({"day", "week"}),
    "month": frozenset({"day", "week", "month"}),
}
_ORDER: dict[str, int] = {"intensifying": 0, "de-escalating": 1, "stable": 2, "too little data": 3}


@dataclass(frozen=True)
class Trend:
    """A fitted log-linear trend of counts on time (period index)."""

    model: str
    """``poisson``, ``negative binomial`` or ``quasi-poisson`` (when the NB fit fails)."""
    rate_ratio: float
    """Multiplicative change in the expected count per period (exp of the slope)."""
    ci_low: float
    ci_high: float
    p_value: float
    dispersion: float
    """Pearson chi-squared / residual df of the Poisson fit (1 when Poisson is right)."""
    fitted: list[float] = field(default_factory=list)
    """Expected count per period under the fitted model."""


@dataclass(frozen=True)
class AreaTrend:
    """One area's counts per period, its fitted trends and its verdict."""

    area: str
    country: str | None
    counts: list[int]
    fatalities: list[int]
    verdict: Verdict
    trend: Trend | None = None
    fatality_trend: Trend | None = None

    @property
    def events(self) -> int:
        """Events in the area over the whole span."""
        return sum(self.counts)

    @property
    def killed(self) -> int:
        """Fatalities (best estimates) in the area over the whole span."""
        return sum(self.fatalities)


@dataclass(frozen=True)
class TrendReport:
    """The trends of every area, the periods they are counted in, and what was left out."""

    by: str
    window: str
    periods: list[dt.date]
    """The first day of each period, oldest first."""
    areas: list[AreaTrend]
    left_out: dict[str, int]
    """Events not counted: ``no_area`` (no admin1/country), ``imprecise_date`` (coarser
    than the window)."""
    min_events: int
    alpha: float

    @property
    def rule(self) -> str:
        """The classification rule, in words."""
        return (
            f"too little data: < {self.min_events} events, < {MIN_PERIODS} periods or events "
            f"in < {MIN_ACTIVE_PERIODS} periods; intensifying / de-escalating: p < {self.alpha} "
            "and the 95% CI of the rate ratio wholly above / below 1; otherwise stable"
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        areas = []
        for area in self.areas:
            item = asdict(area)
            item.update(events=area.events, killed=area.killed)
            for key in ("trend", "fatality_trend"):
                if item[key] is not None:
                    item[key] = {k: _finite(v) for k, v in item[key].items()}
            areas.append(item)
        return {
            "by": self.by,
            "window": self.window,
            "periods": [p.isoformat() for p in self.periods],
            "rule": self.rule,
            "left_out": self.left_out,
            "areas": areas,
        }


def _finite(value: Any) -> Any:
    """JSON has no inf/nan: such a float becomes None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def period_start(day: dt.date, window: str) -> dt.date:
    """Return the first day of the period holding ``day``: its ISO week's Monday or the 1st."""
    if window == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: dt.date, window: str) -> dt.date:
    """Return the first day of the period after the one starting on ``start``."""
    if window == "week":
        return start + dt.timedelta(days=7)
    return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)


def periods_between(first: dt.date, last: dt.date, window: str) -> list[dt.date]:
    """Return the starts of every period from the one holding ``first`` to ``last``'s."""
    periods, current, end = [], period_start(first, window), period_start(last, window)
    while current <= end:
        periods.append(current)
        current = next_period(current, window)
    return periods


def area_of(event: Event, by: str) -> tuple[str, str | None] | None:
    """Return the area an event counts in (``"Kharkiv, Ukraine"`` or ``"Ukraine"``) and its
    country, or None when the place does not say."""
    place = event.location
    if place is None or place.country is None:
        return None
    if by == "country":
        return place.country, place.country
    if place.admin1 is None:
        return None
    return f"{place.admin1}, {place.country}", place.country


def fit_trend(counts: list[int]) -> Trend:
    """Fit log(E[count]) = a + b * period and return exp(b) with its 95% CI and p-value.

    Poisson GLM first; when its Pearson dispersion exceeds :data:`OVERDISPERSED`, a
    negative binomial model (dispersion estimated by maximum likelihood) replaces it, and
    if that fails to converge, a quasi-Poisson fit (Poisson with Pearson-scaled errors).
    The CI and p-value are Wald's, so p < 0.05 exactly when the CI excludes 1.

    Args:
        counts: one count per consecutive period, at least three.

    Returns:
        The fitted :class:`Trend`.
    """
    import numpy as np
    import statsmodels.api as sm

    y = np.asarray(counts, dtype=float)
    x = sm.add_constant(np.arange(len(y), dtype=float) - (len(y) - 1) / 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        poisson = sm.GLM(y, x, family=sm.families.Poisson()).fit()
        dispersion = float(poisson.pearson_chi2 / poisson.df_resid) if poisson.df_resid else 1.0
        if dispersion <= OVERDISPERSED:
            return _trend("poisson", poisson.params, poisson.bse, x, dispersion)
        negbin = _negative_binomial(y, x)
        if negbin is not None:
            params, bse = negbin
            return _trend("negative binomial", params, bse, x, dispersion)
        quasi = sm.GLM(y, x, family=sm.families.Poisson()).fit(scale="X2")
        return _trend("quasi-poisson", quasi.params, quasi.bse, x, dispersion)


def _negative_binomial(y: Any, x: Any) -> tuple[Any, Any] | None:
    """Fit an NB2 model by maximum likelihood; None when it does not converge cleanly."""
    import numpy as np
    import statsmodels.api as sm

    try:
        result = sm.NegativeBinomial(y, x).fit(disp=0, maxiter=300)
    except (np.linalg.LinAlgError, ValueError):
        return None
    params, bse = np.asarray(result.params), np.asarray(result.bse)
    if not result.mle_retvals.get("converged", False) or not np.all(np.isfinite(bse)):
        return None
    return params[:2], bse[:2]


def _trend(model: str, params: Any, bse: Any, x: Any, dispersion: float) -> Trend:
    """Build a Trend from a fitted (intercept, slope) and their standard errors."""
    slope, se = float(params[1]), float(bse[1])
    # two-sided Wald p-value: 2 * (1 - Phi(|z|)) = erfc(|z| / sqrt 2)
    p_value = math.erfc(abs(slope / se) / math.sqrt(2)) if se > 0 else 1.0
    fitted = [math.exp(float(params[0]) + slope * float(t)) for t in x[:, 1]]
    return Trend(
        model=model,
        rate_ratio=math.exp(slope),
        ci_low=math.exp(slope - _Z95 * se),
        ci_high=math.exp(slope + _Z95 * se),
        p_value=p_value,
        dispersion=dispersion,
        fitted=fitted,
    )


def _fittable(counts: list[int], min_total: int) -> bool:
    """Enough data to fit: the total, the span and the periods with events."""
    active = sum(1 for c in counts if c > 0)
    return sum(counts) >= min_total and len(counts) >= MIN_PERIODS and active >= MIN_ACTIVE_PERIODS


def classify(trend: Trend | None, alpha: float = DEFAULT_ALPHA) -> Verdict:
    """Return the verdict of a fitted trend (None: too little data to fit)."""
    if trend is None:
        return "too little data"
    if trend.p_value < alpha and trend.ci_low > 1:
        return "intensifying"
    if trend.p_value < alpha and trend.ci_high < 1:
        return "de-escalating"
    return "stable"


def _count(
    events: Iterable[Event], by: str, window: str
) -> tuple[list[tuple[dt.date, str, str | None, int]], dict[str, int]]:
    """Place each event: (period, area, country, fatalities), and count those left out."""
    placed, left_out = [], {"no_area": 0, "imprecise_date": 0}
    for event in events:
        area = area_of(event, by)
        if area is None:
            left_out["no_area"] += 1
        elif event.date.precision not in _PLACEABLE[window]:
            left_out["imprecise_date"] += 1
        else:
            start = period_start(event.date.start, window)
            placed.append((start, area[0], area[1], event.fatalities.best))
    return placed, left_out


def trends(
    events: Iterable[Event],
    *,
    by: str = "admin1",
    window: str = "week",
    min_events: int = DEFAULT_MIN_EVENTS,
    alpha: float = DEFAULT_ALPHA,
) -> TrendReport:
    """Count events per area and period over the span of the data and classify each area.

    Args:
        events: the events to analyse (e.g. ``store.events()``, filtered).
        by: ``admin1`` or ``country``.
        window: ``week`` (ISO weeks, Monday first) or ``month``.
        min_events: fewer events in an area than this is "too little data".
        alpha: the significance level of the trend test.

    Returns:
        A :class:`TrendReport`; areas sorted by verdict (intensifying first), then events.

    Raises:
        ConfigError: ``by`` or ``window`` is not a known choice, or ``min_events`` < 1.
    """
    if by not in BY_CHOICES:
        raise ConfigError(f"unknown --by {by!r}; use {' or '.join(BY_CHOICES)}")
    if window not in WINDOW_CHOICES:
        raise ConfigError(f"unknown --window {window!r}; use {' or '.join(WINDOW_CHOICES)}")
    if min_events < 1:
        raise ConfigError(f"--min-events must be at least 1, not {min_events}")
    placed, left_out = _count(events, by, window)
    if not placed:
        return TrendReport(by, window, [], [], left_out, min_events, alpha)
    periods = periods_between(min(p[0] for p in placed), max(p[0] for p in placed), window)
    index = {start: i for i, start in enumerate(periods)}
    counts: dict[tuple[str, str | None], list[list[int]]] = {}
    for start, area, country, killed in placed:
        series = counts.setdefault((area, country), [[0] * len(periods), [0] * len(periods)])
        series[0][index[start]] += 1
        series[1][index[start]] += killed
    areas = [
        _area_trend(area, country, events_per, killed_per, min_events, alpha)
        for (area, country), (events_per, killed_per) in counts.items()
    ]
    areas.sort(key=lambda a: (_ORDER[a.verdict], -a.events, a.area))
    return TrendReport(by, window, periods, areas, left_out, min_events, alpha)


def _area_trend(
    area: str, country: str | None, counts: list[int], killed: list[int], min_events: int,
    alpha: float,
) -> AreaTrend:  # fmt: skip
    """Fit and classify one area (fatalities fitted when they too are spread enough)."""
    trend = fit_trend(counts) if _fittable(counts, min_events) else None
    fatality_trend = fit_trend(killed) if trend and _fittable(killed, 1) else None
    return AreaTrend(
        area=area,
        country=country,
        counts=counts,
        fatalities=killed,
        verdict=classify(trend, alpha),
        trend=trend,
        fatality_trend=fatality_trend,
    )


_STYLE = {
    "intensifying": "bold red",
    "de-escalating": "green",
    "stable": "",
    "too little data": "dim",
}


def _rate_ratio(trend: Trend) -> str:
    """The rate ratio and its CI; a star marks a fit for overdispersed counts."""
    star = "" if trend.model == "poisson" else "*"
    return f"{trend.rate_ratio:.2f}{star} ({trend.ci_low:.2f}-{trend.ci_high:.2f})"


def _p(value: float) -> str:
    return "<0.001" if value < 0.001 else f"{value:.3f}"


def print_trends_table(report: TrendReport, console: Any = None, last: int = 6) -> None:
    """Print one row per area: counts of the last ``last`` periods, rate ratio (CI), p, verdict.

    The fatality trend is in :meth:`TrendReport.to_dict` (``--format json``), not here.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    span = f"{report.periods[0]}..{report.periods[-1]}" if report.periods else "no data"
    table = Table(
        title=f"trends by {report.by}, per {report.window} ({span})",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
        caption=f"last {last}: events per {report.window}; RR: rate ratio per {report.window}, "
        "Poisson fit (*: negative binomial or quasi-Poisson, the counts being overdispersed)",
    )
    table.add_column("area", min_width=12)
    for column in ("events", "killed", f"last {last}", "RR (95% CI)", "p", "trend"):
        table.add_column(column, justify="right" if column in {"events", "killed", "p"} else "left")
    for area in report.areas:
        trend = area.trend
        table.add_row(
            area.area,
            str(area.events),
            str(area.killed),
            " ".join(str(c) for c in area.counts[-last:]),
            _rate_ratio(trend) if trend else "",
            _p(trend.p_value) if trend else "",
            f"[{_STYLE[area.verdict]}]{area.verdict}[/]" if _STYLE[area.verdict] else area.verdict,
        )
    console.print(table)
    console.print(f"rule: {report.rule}", style="dim")


def plot_trends(report: TrendReport, path: Path, top: int = 6) -> int:
    """Draw counts per period and the fitted trend of the ``top`` areas with most events.

    Args:
        report: the trends to draw.
        path: the image to write (PNG, or any format matplotlib knows by its suffix).
        top: how many areas.

    Returns:
        The number of areas drawn.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    chosen = sorted(report.areas, key=lambda a: (-a.events, a.area))[:top]
    cols = min(3, max(1, len(chosen)))
    rows = max(1, math.ceil(len(chosen) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 3.2 * rows), squeeze=False)
    x = list(range(len(report.periods)))
    for ax, area in zip(axes.flat, chosen, strict=False):
        ax.bar(x, area.counts, color="#9ab", label="events")
        if area.trend is not None:
            ax.plot(x, area.trend.fitted, color="#c33", label=f"fit x{area.trend.rate_ratio:.2f}")
        ax.set_title(f"{area.area}: {area.verdict}", fontsize=9)
        ax.set_xticks(x[:: max(1, len(x) // 6)])
        ax.set_xticklabels([str(report.periods[i]) for i in x[:: max(1, len(x) // 6)]], fontsize=7)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[len(chosen) :]:
        ax.axis("off")
    fig.suptitle(f"events per {report.window} by {report.by}")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return len(chosen)
