"""Open data of a published outcome: files, schema, pseudonyms, what is left out, checksums,
streaming with flat memory, downloads."""

import csv
import hashlib
import io
import json
import re
import shutil
import tracemalloc
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import func, insert, select

from consult import clock
from consult.accounts import privacy
from consult.accounts.models import User
from consult.comments import services as comment_services
from consult.comments.models import Comment, CommentStatus, Vote
from consult.extensions import db
from consult.moderation import services as moderation_services
from consult.opendata import datasets
from consult.opendata.datasets import DATASETS
from consult.opendata.export import export_publication, folder, write_dataset
from consult.opendata.pseudonyms import FORMER, pseudonym
from consult.organisations.models import Organisation
from consult.outcome.models import Publication
from consult.synthesis.models import ImportedContribution

from .org_factories import OrgFactories, article, committed, page
from .test_outcome import _publish, answered  # noqa: F401 (the answered consultation)
from .test_synthesis_workspace import ARABIC, scene  # noqa: F401 (the closed consultation)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "open-data.md"
IMPORTED_TEXT = "Lettre reçue par la poste, jamais publiée en ligne"
DRAFT_TEXT = "Brouillon que personne ne doit lire"
HIDDEN_TEXT = "Recommandation masquée par la modération"
WITHDRAWN_COMMENT = "Je retire ce que j'ai écrit ici"
BEING_PREPARED = (
    "The open-data files of this version are being prepared. Come back in a few minutes."
)
ARABIC_REPLY = 'أوافق تماما على هذا الاقتراح، مع "علامات" و، فواصل\nوسطر جديد'


@pytest.fixture(autouse=True)
def opendata_folder(app, tmp_path):
    app.config["OPENDATA_FOLDER"] = str(tmp_path / "opendata")
    return tmp_path / "opendata"


@pytest.fixture
def extended(scene, make):  # noqa: F811
    """The closed consultation, plus a reply, a withdrawn comment, a deleted account, a draft
    and a hidden recommendation and a letter imported by the ministry."""
    consultation = scene["consultation"]
    people = scene["people"]
    consultation.closes_at = clock.utcnow() + timedelta(days=1)
    db.session.commit()
    now = clock.utcnow()
    parent = scene["comments"][8]
    reply = comment_services.post_comment(
        people[7], consultation, ARABIC_REPLY, section=article(consultation, "2"),
        parent=parent, stance="for", now=now,
    )  # fmt: skip
    withdrawn = comment_services.post_comment(
        people[9], consultation, WITHDRAWN_COMMENT, section=article(consultation, "2"), now=now
    )
    db.session.commit()
    comment_services.withdraw_comment(people[9], withdrawn, now=now)
    org = OrgFactories(make)
    other = db.session.get(Organisation, scene["withdrawn"].organisation_id)
    draft = org.recommendation(other, consultation, wording=DRAFT_TEXT, submit=False)
    hidden = org.recommendation(other, consultation, wording=HIDDEN_TEXT)
    moderator = make.user()
    moderator.is_moderator = True
    moderation_services.hide(moderator, hidden, "spam", "", now=now)
    db.session.add(
        ImportedContribution(
            consultation_id=consultation.id,
            text=IMPORTED_TEXT,
            lang="fr",
            source_name="courrier.csv",
            imported_at=now,
        )
    )
    privacy.delete_account(people[5], now)
    consultation.closes_at = clock.utcnow() - timedelta(minutes=1)
    db.session.commit()
    scene.update(
        reply=reply, withdrawn_comment=withdrawn, draft=draft, hidden_recommendation=hidden
    )
    scene["deleted"] = people[5]
    return scene


@pytest.fixture
def published(client, extended, answered):  # noqa: F811
    response = _publish(client, extended)
    assert response.status_code == 302
    committed()
    publication = db.session.scalar(select(Publication))
    extended["publication"] = publication
    extended["folder"] = folder(publication.consultation_id, publication.version)
    return extended


def status(client, url: str) -> int:
    response = client.get(url)
    response.close()  # a file sent is open until the response is closed
    return response.status_code


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV files start with a UTF-8 byte order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def read_json(path: Path):
    return json.loads(path.read_text("utf-8"))


def documented_fields() -> dict[str, list[str]]:
    """The fields of each dataset as docs/open-data.md lists them, in order."""
    fields: dict[str, list[str]] = {}
    current = None
    for line in DOCS.read_text("utf-8").splitlines():
        heading = re.match(r"^### `(\w+)\.csv`", line)
        if heading:
            current = fields.setdefault(heading.group(1), [])
        elif line.startswith("## "):
            current = None
        elif current is not None:
            field = re.match(r"^\| `(\w+)` \|", line)
            if field:
                current.append(field.group(1))
    return fields


def contributions(published) -> dict[str, dict]:
    return {row["id"]: row for row in read_csv(published["folder"] / "contributions.csv")}


def _n(ref: str) -> int:
    return int(ref.split(":")[1])


def test_every_file_follows_the_documented_schema(published):
    documented = documented_fields()
    assert set(documented) == set(DATASETS)
    for name, dataset in DATASETS.items():
        assert documented[name] == list(dataset.fields), name
        raw = (published["folder"] / f"{name}.csv").read_bytes().decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(raw, newline="")))
        assert header == documented[name]
        assert raw.startswith(",".join(documented[name]) + "\r\n") and raw.endswith("\r\n")
        rows = read_csv(published["folder"] / f"{name}.csv")
        data = read_json(published["folder"] / f"{name}.json")
        if dataset.json_rows:
            assert isinstance(data, list) and len(data) == len(rows)
            assert all(list(record) == documented[name] for record in data)
        else:
            assert data == published["publication"].snapshot["indicators"]
    votes = read_json(published["folder"] / "votes.json")
    assert votes and all(isinstance(v["agree"], int) for v in votes)


def test_arabic_text_round_trips_through_the_csv(published):
    rows = contributions(published)
    reply = rows[f"comment:{published['reply'].id}"]
    assert reply["text"] == ARABIC_REPLY
    assert reply["kind"] == "reply"
    assert reply["parent_id"] == f"comment:{published['comments'][8].id}"
    assert reply["article"] == "2" and reply["stance"] == "for"
    texts = {row["text"] for row in rows.values()}
    for template in ARABIC:
        assert template.format(1) in texts or template.format(2) in texts
    articles = read_csv(published["folder"] / "articles.csv")
    draft_ar = [row["text_ar"] for row in articles if row["version"] == "draft" and row["text_ar"]]
    assert draft_ar and all(re.search("[\u0600-\u06ff]", text) for text in draft_ar)
    assert {row["version"] for row in articles} == {"draft", "final"}


def test_no_email_leaves_and_pseudonyms_are_stable(published):
    consultation = published["consultation"]
    emails = set(db.session.scalars(select(User.email)))
    emails |= set(db.session.scalars(select(Organisation.contact_email)))
    for path in published["folder"].iterdir():
        text = path.read_text("utf-8")
        assert "@" not in text, path.name
        assert not [email for email in emails if email in text]
    rows = contributions(published)
    authors = dict(
        db.session.execute(select(Comment.id, Comment.author_id).where(
            Comment.consultation_id == consultation.id))
        .all()
    )  # fmt: skip
    names: dict[int, set[str]] = {}
    for ref, row in rows.items():
        if ref.startswith("comment:") and row["status"] == "visible":
            names.setdefault(authors[int(ref.split(":")[1])], set()).add(row["author_pseudonym"])
    assert all(len(pseudonyms) == 1 for pseudonyms in names.values())
    living = [p.pop() for user_id, p in names.items() if user_id != published["deleted"].id]
    assert len(set(living)) == len(living)  # one person, one name; two people, two names
    person = published["people"][0]
    assert pseudonym(consultation.id, person.id) in living
    assert {row["author_name"] for row in rows.values()} >= {person.display_name}
    gone = published["deleted"].id
    deleted = [r for i, r in rows.items() if i.startswith("comment:") and authors[_n(i)] == gone]
    assert deleted and all(
        r["author_pseudonym"] == FORMER and r["author_name"] == "" for r in deleted
    )


def test_only_what_the_site_shows_is_published(published):
    rows = contributions(published)
    everything = "\n".join(p.read_text("utf-8") for p in published["folder"].iterdir())
    assert f"comment:{published['hidden'].id}" not in rows
    assert "Spam spam" not in everything
    assert DRAFT_TEXT not in everything and HIDDEN_TEXT not in everything
    assert f"recommendation:{published['draft'].id}" not in rows
    assert IMPORTED_TEXT not in everything
    withdrawn = rows[f"comment:{published['withdrawn_comment'].id}"]
    assert withdrawn["status"] == "withdrawn"
    assert withdrawn["text"] == "" and withdrawn["author_pseudonym"] == ""
    assert withdrawn["author_name"] == "" and WITHDRAWN_COMMENT not in everything
    taken_back = rows[f"recommendation:{published['withdrawn'].id}"]
    assert taken_back["status"] == "withdrawn" and taken_back["text"] == "Retiré ensuite."
    sent = rows[f"recommendation:{published['recommendations'][0].id}"]
    assert sent["organisation_name_fr"] == "Association Eau Vive"
    assert sent["article"] == "2" and sent["author_pseudonym"] == "" and sent["author_name"] == ""
    assert sent["cosignatories"] == "0" and sent["support"] == "0"
    # Votes: counted per visible comment, equal to the votes cast, and nobody's vote.
    votes = read_csv(published["folder"] / "votes.csv")
    visible = db.session.scalar(
        select(func.count()).select_from(Comment).where(
            Comment.consultation_id == published["consultation"].id,
            Comment.status == CommentStatus.VISIBLE)
    )  # fmt: skip
    assert len(votes) == visible
    cast = dict(
        db.session.execute(select(Vote.comment_id, func.count()).group_by(Vote.comment_id)).all()
    )
    for row in votes:
        comment_id = int(row["contribution_id"].split(":")[1])
        counts = int(row["agree"]) + int(row["disagree"]) + int(row["pass"])
        assert counts == int(row["total"]) == cast.get(comment_id, 0)
    assert list(votes[0]) == ["contribution_id", "agree", "disagree", "pass", "total"]


def test_answers_themes_and_indicators_are_the_reports(published):
    snapshot = published["publication"].snapshot
    responses = read_csv(published["folder"] / "responses.csv")
    answer = next(r for r in responses if r["target_type"] == "recommendation")
    assert answer["target_id"] == str(published["recommendations"][0].id)
    assert answer["outcome"] == "accepted"
    assert answer["justification_fr"] == "Le droit à l'eau entre à l'article 2."
    assert answer["articles"] == "2"
    as_json = read_json(published["folder"] / "responses.json")
    assert next(r for r in as_json if r["target_type"] == "recommendation")["articles"] == ["2"]
    themes = read_json(published["folder"] / "themes.json")
    assert [t["id"] for t in themes] == [t["id"] for t in snapshot["themes"]]
    assert [t["size"] for t in themes] == [t["size"] for t in snapshot["themes"]]
    indicators = read_csv(published["folder"] / "indicators.csv")
    participants = next(r for r in indicators if r["indicator"] == "participants")
    assert int(participants["value"]) == snapshot["indicators"]["participants"]
    for row in indicators:
        assert (row["value"] == "") == (row["suppressed"] == "true")


def test_the_report_shows_each_file_with_its_checksum(client, published):
    publication = published["publication"]
    base = f"/consultations/{publication.consultation_id}/outcome/v{publication.version}"
    report = page(client.get(base))
    manifest = read_json(published["folder"] / "manifest.json")
    assert manifest["publication_id"] == publication.id
    assert manifest["version"] == publication.version
    assert len(manifest["files"]) == 2 * len(DATASETS)
    for entry in manifest["files"]:
        response = client.get(f"{base}/data/{entry['name']}")
        assert response.status_code == 200
        body = response.get_data()
        response.close()
        digest = hashlib.sha256(body).hexdigest()
        assert digest == entry["sha256"] and len(body) == entry["bytes"]
        assert digest in report
        assert f"{base}/data/{entry['name']}" in report
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("attachment") and entry["name"] in disposition
        expected = "text/csv; charset=utf-8" if entry["format"] == "csv" else "application/json"
        assert response.headers["Content-Type"] == expected
        path = published["folder"] / entry["name"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]


def test_files_are_made_once(published):
    publication = published["publication"]
    before = {p.name: p.stat().st_mtime_ns for p in published["folder"].iterdir()}
    assert export_publication(publication.id)["publication_id"] == publication.id
    assert {p.name: p.stat().st_mtime_ns for p in published["folder"].iterdir()} == before
    assert not [p for p in published["folder"].parent.iterdir() if p.name.startswith(".")]


def test_downloads_are_404_until_made_and_for_unknown_names(client, published):
    publication = published["publication"]
    base = f"/consultations/{publication.consultation_id}/outcome/v{publication.version}"
    assert status(client, f"{base}/data/contributions.csv") == 200
    assert status(client, f"{base}/data/users.csv") == 404
    assert status(client, f"{base}/data/contributions.xlsx") == 404
    assert status(client, f"{base}/data/manifest.json") == 404
    assert status(client, f"{base}/data/..%2Fmanifest.json") == 404
    later = f"/consultations/{publication.consultation_id}/outcome/v{publication.version + 1}"
    assert status(client, f"{later}/data/contributions.csv") == 404
    shutil.rmtree(published["folder"])
    assert status(client, f"{base}/data/contributions.csv") == 404
    report = page(client.get(base))
    with force_locale("fr"):  # the official's language
        assert gettext(BEING_PREPARED) in report
    assert "/data/contributions.csv" not in report


def test_files_of_another_database_are_not_served(client, published):
    """A folder left by a database recreated since (same ids) is not this publication's."""
    publication = published["publication"]
    manifest_path = published["folder"] / "manifest.json"
    stale = read_json(manifest_path)
    stale["publication_id"] = publication.id + 1000
    manifest_path.write_text(json.dumps(stale), "utf-8")
    base = f"/consultations/{publication.consultation_id}/outcome/v{publication.version}"
    assert status(client, f"{base}/data/votes.csv") == 404
    assert export_publication(publication.id)["publication_id"] == publication.id
    assert status(client, f"{base}/data/votes.csv") == 200


def _bulk_comments(consultation, authors, count: int) -> None:
    now = clock.utcnow()
    text = "Un commentaire assez long pour peser quelque chose en mémoire, numéro {0} " * 3
    rows = [
        {
            "consultation_id": consultation.id,
            "author_id": authors[i % len(authors)].id,
            "body_source": text.format(i),
            "body_html": f"<p>{text.format(i)}</p>",
            "lang": "fr",
            "depth": 0,
            "status": "visible",
            "created_at": now,
            "updated_at": now,
        }
        for i in range(count)
    ]
    db.session.execute(insert(Comment), rows)
    db.session.commit()


def _peak(publication, tmp_path: Path) -> int:
    tmp_path.mkdir(exist_ok=True)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        for name in ("contributions", "votes"):
            write_dataset(publication, DATASETS[name], tmp_path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_rows_grow(app, make, monkeypatch, tmp_path):
    # Batches of 100 rows, so that 1 000 and 4 000 rows are many batches each.
    monkeypatch.setattr(datasets, "BATCH", 100)
    authors = [make.user() for _ in range(5)]
    small = make.consultation(phase="open")
    large = make.consultation(phase="open")
    _bulk_comments(small, authors, 1000)
    _bulk_comments(large, authors, 4000)
    one = SimpleNamespace(consultation_id=small.id, snapshot={})
    four = SimpleNamespace(consultation_id=large.id, snapshot={})
    _peak(one, tmp_path / "warm")  # compiled statements cached, modules imported
    peak_small = _peak(one, tmp_path / "small")
    peak_large = _peak(four, tmp_path / "large")
    written = read_csv(tmp_path / "large" / "contributions.csv")
    assert len(written) == 4000
    assert (tmp_path / "large" / "votes.json").stat().st_size > 0
    # Four times the rows: the same memory, give or take noise (holding the rows would
    # add well over 1 MiB here).
    assert peak_large < peak_small * 1.25 + 64 * 1024, (peak_small, peak_large)


def test_the_command_makes_the_files_and_names_their_checksums(runner, published):
    publication = published["publication"]
    shutil.rmtree(published["folder"])
    result = runner.invoke(args=["opendata-export", str(publication.id)])
    assert result.exit_code == 0, result.output
    manifest = read_json(published["folder"] / "manifest.json")
    for entry in manifest["files"]:
        assert f"{entry['sha256']}  {entry['name']}" in result.output
    missing = runner.invoke(args=["opendata-export", str(publication.id + 1000)])
    assert missing.exit_code != 0 and "no publication" in missing.output
