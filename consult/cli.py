"""Flask commands: seed-demo, create-admin, import-draft, translate."""

import json
import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import func, select

from . import PROJECT_ROOT, clock

translate = AppGroup("translate", help="Extract, update and compile the translation catalogues.")


def register_cli(app: Flask) -> None:
    app.cli.add_command(seed_demo)
    app.cli.add_command(create_admin)
    app.cli.add_command(import_draft)
    from .synthesis.commands import synthesise_command

    app.cli.add_command(synthesise_command)
    from .outcome.mail import outcome_mail_command

    app.cli.add_command(outcome_mail_command)
    from .opendata.export import opendata_export_command

    app.cli.add_command(opendata_export_command)
    app.cli.add_command(backup_database)
    app.cli.add_command(restore_database)
    app.cli.add_command(translate)


@click.command("seed-demo")
def seed_demo():
    """Create the demo consultations (does nothing if they exist)."""
    from .demo.seed import seed

    created = seed()
    click.echo("Demo data created." if created else "Demo data already present: nothing to do.")


@click.command("create-admin")
@click.option("--email", prompt=True)
@click.option("--name", "display_name", prompt="Display name", default="Administrator")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def create_admin(email: str, display_name: str, password: str):
    """Create an administrator account, or make an existing account administrator."""
    from .accounts.models import User
    from .accounts.services import normalise_email, register_user
    from .extensions import db

    if len(password) < 10:
        raise click.BadParameter("at least 10 characters", param_hint="--password")
    user = db.session.scalars(
        select(User).where(func.lower(User.email) == normalise_email(email))
    ).first()
    if user is None:
        user = register_user(
            email=email,
            password=password,
            display_name=display_name,
            locale=None,
            consented_at=clock.utcnow(),
        )
    user.is_admin = True
    # Whoever runs this command on the server vouches for the address.
    user.email_confirmed_at = user.email_confirmed_at or clock.utcnow()
    db.session.commit()
    click.echo(f"{user.email} is an administrator.")


@click.command("import-draft")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", "language", type=click.Choice(["ar", "fr", "zgh"]), required=True)
@click.option(
    "--consultation", "consultation_id", type=int, help="Store the text in this consultation."
)
@click.option("--dry-run", is_flag=True, help="Only print the structure found.")
def import_draft(file: Path, language: str, consultation_id: int | None, dry_run: bool):
    """Split a draft (.txt, .md, .docx) into articles; print the structure as JSON and store it."""
    from .consultations import services
    from .consultations.models import Consultation
    from .errors import DomainError
    from .extensions import db
    from .text.documents import DocumentError, read_document
    from .text.drafts import split_draft

    try:
        text = read_document(file.name, file.read_bytes())
    except DocumentError as error:
        raise click.ClickException(f"cannot read {file}: {error.code}") from None
    structure = split_draft(text, language).to_dict()
    click.echo(json.dumps(structure, ensure_ascii=False, indent=2))
    if dry_run:
        return
    if consultation_id is None:
        raise click.UsageError("--consultation ID is needed to store the draft (or use --dry-run)")
    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None:
        raise click.ClickException(f"no consultation with id {consultation_id}")
    items = services.items_from_structure(structure)
    try:
        services.store_draft_language(
            None, consultation, language, items, structure.get("preamble", ""), clock.utcnow()
        )
    except DomainError as error:
        raise click.ClickException(str(error.message)) from None
    db.session.commit()
    articles = sum(1 for item in items if item.kind == "article")
    click.echo(
        f"Stored {articles} articles ({language}) in consultation {consultation_id}.", err=True
    )


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup_database(path: Path):
    """Copy the database to PATH while the site runs (SQLite backup API, or pg_dump)."""
    from . import backup
    from .extensions import db

    try:
        backup.backup(db.engine, path)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backup written to {path}.")


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_database(path: Path, yes: bool):
    """Replace the data in the database with the backup in PATH."""
    from . import backup
    from .extensions import db

    if not yes:
        click.confirm(f"Replace the data in the database with {path}?", abort=True)
    db.session.remove()
    db.engine.dispose()  # no connection of ours holds a lock on what is replaced
    try:
        backup.restore(db.engine, path)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from None
    finally:
        db.engine.dispose()
    click.echo(f"Database restored from {path}.")


def _pybabel(*args: str) -> None:
    from babel.messages.frontend import CommandLineInterface

    status = CommandLineInterface().run(["pybabel", *args])
    if status:
        sys.exit(status)


POT = PROJECT_ROOT / "translations" / "messages.pot"
IGNORED_DIRS = ".* __pycache__ instance node_modules"


@translate.command("extract")
def translate_extract():
    """Extract messages from the code and templates into translations/messages.pot."""
    _pybabel(
        "extract",
        "-F",
        str(PROJECT_ROOT / "babel.cfg"),
        "-k",
        "_l",
        "--no-location",
        "--sort-output",
        # Babel skips folders starting with "_" unless told otherwise (templates/_macros).
        "--ignore-dirs",
        IGNORED_DIRS,
        "-o",
        str(POT),
        str(PROJECT_ROOT),
    )


@translate.command("update")
def translate_update():
    """Extract, then merge new messages into every catalogue."""
    translate_extract.callback()
    _pybabel(
        "update", "-i", str(POT), "-d", str(PROJECT_ROOT / "translations"), "--no-fuzzy-matching"
    )


@translate.command("compile")
def translate_compile():
    """Compile the catalogues (.po) into the files the app reads (.mo)."""
    _pybabel("compile", "-d", str(PROJECT_ROOT / "translations"), "--statistics")
