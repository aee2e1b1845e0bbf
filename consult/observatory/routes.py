"""The observatory page."""

from flask import render_template
from flask_babel import format_percent

from . import bp, queries


@bp.get("/observatory")
def index():
    return render_template(
        "observatory/index.html",
        observatory=queries.observatory(),
        percent=lambda share: format_percent(share, "#,##0%"),
    )
