"""Work that must not hold a web request: run as a `flask` command in a process of its own.

No job queue to operate: the request commits what the work needs, then starts the command,
which outlives the web worker and records its own progress in the database.
BACKGROUND_TASKS = "inline" (tests) runs the work at once, in the request, instead.
"""

import json
import os
import subprocess
import sys
from collections.abc import Callable

from flask import current_app

from .extensions import db

_workers: list[subprocess.Popen] = []


def run(command: list[str], inline: Callable[[], object]) -> None:
    """Start `flask <command>` in the background, or call `inline` when so configured."""
    if current_app.config["BACKGROUND_TASKS"] == "inline":
        inline()
        return
    environment = dict(os.environ)
    environment["CONSULT_SQLALCHEMY_DATABASE_URI"] = db.engine.url.render_as_string(
        hide_password=False
    )
    environment["CONSULT_SECRET_KEY"] = current_app.config["SECRET_KEY"]
    try:
        environment["CONSULT_SQLALCHEMY_ENGINE_OPTIONS"] = json.dumps(
            current_app.config["SQLALCHEMY_ENGINE_OPTIONS"]
        )
    except TypeError:
        pass  # not expressible in the environment: the worker uses its defaults
    for name in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_FROM"):
        value = current_app.config.get(name)
        if value is not None:
            environment[f"CONSULT_{name}"] = str(value)
    # Kept, and reaped at the next start: a worker must not be left a zombie of this process.
    _workers[:] = [worker for worker in _workers if worker.poll() is None]
    _workers.append(
        subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "consult", *command],
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives the web worker that started it
            close_fds=True,
        )
    )
