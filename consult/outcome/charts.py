"""Charts drawn on the server as SVG: no JavaScript, readable in RTL, described for screen readers.

Each chart is an <svg role="img"> with a <title> and a <desc>, followed in the page by a
table of the same figures (templates/outcome/_chart.html). Bars start from the reading side:
the right in Arabic, the left in French and Tamazight.
"""

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 420
ROW = 28
LABEL_WIDTH = 170
VALUE_WIDTH = 44
BAR_COLOUR = "#1f6f50"
HIDDEN_COLOUR = "#c9d3ce"


@dataclass
class Bar:
    label: str
    #: None: a suppressed cell ("<5"), drawn as a short grey bar.
    value: int | None
    shown: str  # the value as the reader reads it ("1 234", "<5")


def bar_chart(chart_id: str, title: str, description: str, bars: list[Bar], rtl: bool) -> Markup:
    """Horizontal bars, one row a category."""
    height = ROW * len(bars) + 8
    largest = max([bar.value or 0 for bar in bars] + [1])
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        # Drawn left to right whatever the page's direction (an RTL page would flip every
        # text anchor); each label's letters still follow the Unicode bidirectional algorithm.
        f'xmlns="http://www.w3.org/2000/svg" direction="ltr">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = 4 + index * ROW
        # A hidden cell ("<5") is a short grey stub: present, but of no readable size.
        length = span * bar.value / largest if bar.value is not None else 6
        if rtl:
            label_x, anchor = WIDTH - 4, "end"
            bar_x = WIDTH - LABEL_WIDTH - length
            value_x, value_anchor = bar_x - 6, "end"
        else:
            label_x, anchor = 4, "start"
            bar_x = LABEL_WIDTH
            value_x, value_anchor = LABEL_WIDTH + length + 6, "start"
        colour = BAR_COLOUR if bar.value is not None else HIDDEN_COLOUR
        parts.append(
            f'<text x="{label_x}" y="{y + 18}" text-anchor="{anchor}" font-size="14">'
            f"{escape(_short(bar.label))}</text>"
            f'<rect x="{bar_x:.1f}" y="{y + 4}" width="{length:.1f}" height="{ROW - 10}" '
            f'fill="{colour}"/>'
            f'<text x="{value_x:.1f}" y="{y + 18}" text-anchor="{value_anchor}" font-size="13">'
            f"{escape(bar.shown)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def column_chart(chart_id: str, title: str, description: str, bars: list[Bar], rtl: bool) -> Markup:
    """Vertical columns over time (one per day), first day on the reading side."""
    height = 180
    count = max(len(bars), 1)
    step = (WIDTH - 20) / count
    largest = max([bar.value or 0 for bar in bars] + [1])
    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" viewBox="0 0 {WIDTH} {height + 24}"'
        f' width="100%" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" direction="ltr">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
        f'<line x1="10" y1="{height}" x2="{WIDTH - 10}" y2="{height}" stroke="#888"/>',
    ]
    for index, bar in enumerate(bars):
        position = (count - 1 - index) if rtl else index
        x = 10 + position * step
        size = (height - 10) * (bar.value or 0) / largest
        parts.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{height - size:.1f}" '
            f'width="{max(step * 0.8, 1):.1f}" height="{size:.1f}" fill="{BAR_COLOUR}">'
            f"<title>{escape(bar.label)}: {escape(bar.shown)}</title></rect>"
        )
    if bars:
        first, last = bars[0].label, bars[-1].label
        start, end = (last, first) if rtl else (first, last)
        parts.append(
            f'<text x="10" y="{height + 18}" font-size="12">{escape(start)}</text>'
            f'<text x="{WIDTH - 10}" y="{height + 18}" font-size="12" text-anchor="end">'
            f"{escape(end)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
