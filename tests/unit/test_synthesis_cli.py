"""`flask synthesise --from-file`: a run on a file alone, with no database."""

import json

from click.testing import CliRunner
from flask import Flask

from consult.cli import register_cli
from consult.synthesis.commands import synthesise_command as synthesise

CAMPAIGN = "Nous demandons la publication de toutes les réponses du ministère, article par article."


def write_input(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")


def test_the_command_is_registered():
    app = Flask(__name__)
    register_cli(app)

    assert "synthesise" in app.cli.commands


def test_a_file_run_writes_one_line_per_contribution_and_a_summary(tmp_path):
    records = [{"id": f"c{i}", "author": f"u{i}", "text": CAMPAIGN} for i in range(6)]
    records.append(
        {"id": "x", "author": "u9", "text": "يجب ترجمة كل مشروع إلى الأمازيغية", "lang": "ar"}
    )
    records.append({"id": 7, "author": "u9", "text": "ⵉⵇⵇⴰⵏ ⴰⵙⵓⵖⵍ ⵏ ⵉⴹⵔⵉⵙⵏ", "article": 3})
    write_input(tmp_path / "in.jsonl", records)

    result = CliRunner().invoke(
        synthesise,
        [
            "--from-file",
            str(tmp_path / "in.jsonl"),
            "--out",
            str(tmp_path / "out.jsonl"),
            "--seed",
            "3",
        ],
    )

    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [line["id"] for line in lines] == [r["id"] for r in records]
    assert all(set(line) == {"id", "group", "campaign", "theme"} for line in lines)
    assert {line["group"] for line in lines[:6]} == {1}
    assert all(line["campaign"] for line in lines[:6])
    assert lines[6] == {"id": "x", "group": None, "campaign": False, "theme": lines[6]["theme"]}
    assert "1 campaigns (6 signatories" in result.stderr
    assert "themes" in result.stderr and " s" in result.stderr


def test_threshold_and_campaign_size_are_options(tmp_path):
    records = [{"id": i, "author": i, "text": CAMPAIGN} for i in range(3)]
    write_input(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"

    result = CliRunner().invoke(
        synthesise,
        [
            "--from-file",
            str(tmp_path / "in.jsonl"),
            "--out",
            str(out),
            "--campaign-size",
            "3",
            "--threshold",
            "0.9",
        ],
    )

    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["campaign"] for line in out.read_text().splitlines())


def test_a_bad_line_is_reported_with_its_number(tmp_path):
    (tmp_path / "in.jsonl").write_text(
        '{"id": 1, "author": 1, "text": "ok"}\n{"id": 2, "text": "x"}\n'
    )

    result = CliRunner().invoke(
        synthesise, ["--from-file", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "o")]
    )

    assert result.exit_code == 1
    assert "line 2: missing author" in result.output
    assert not (tmp_path / "o").exists()


def test_a_run_needs_a_source_and_an_output(tmp_path):
    (tmp_path / "in.jsonl").write_text("")

    assert CliRunner().invoke(synthesise, []).exit_code == 2
    assert (
        CliRunner().invoke(synthesise, ["--from-file", str(tmp_path / "in.jsonl")]).exit_code == 2
    )
    assert (
        CliRunner().invoke(synthesise, ["1", "--from-file", str(tmp_path / "in.jsonl")]).exit_code
        == 2
    )
