"""The ministry's synthesis workspace: runs, themes and their edits, campaigns, answers, imports."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from consult import clock
from consult.audit import AuditEvent
from consult.comments import services as comment_services
from consult.comments.models import Comment
from consult.extensions import db
from consult.moderation import services as moderation_services
from consult.recommendations.models import Recommendation
from consult.synthesis import runs
from consult.synthesis.models import (
    CampaignDecision,
    ImportedContribution,
    Response,
    RunAssignment,
    RunGroup,
    RunStatus,
    SynthesisRun,
    Theme,
)

from .org_factories import OrgFactories, article, committed, hash_passwords_fast, page

CAMPAIGN = (
    "Nous demandons le retrait pur et simple de l'article premier, qui menace la liberté "
    "des associations de quartier et leur financement public"
)
WATER = [
    "L'eau potable doit arriver dans chaque douar avant la fin du programme {}",
    "Les barrages et l'irrigation goutte à goutte doivent protéger les nappes {}",
    "Le prix de l'eau pour les petits agriculteurs est trop élevé dans la région {}",
    "Il faut réparer les canalisations qui perdent l'eau potable dans la ville {}",
]
SCHOOL = [
    "Les écoles rurales manquent d'enseignants et de transport scolaire pour les élèves {}",
    "Le programme scolaire doit enseigner l'amazighe dans chaque école primaire {}",
    "Les enseignants contractuels demandent une formation continue et un statut {}",
    "Les cantines scolaires gardent les filles à l'école dans les villages {}",
]
ARABIC = [
    "يجب توفير الماء الصالح للشرب في جميع الدواوير {}",
    "نطالب بتحسين المدارس القروية وتوفير النقل المدرسي للتلاميذ {}",
]


@pytest.fixture
def scene(app, make, monkeypatch):
    """A closed consultation with a campaign, two subjects in French, some Arabic, votes,
    and recommendations (one withdrawn, one hidden by moderation)."""
    hash_passwords_fast(monkeypatch)
    org = OrgFactories(make)
    consultation = make.consultation(phase="open", articles=3)
    first, second = article(consultation, "1"), article(consultation, "2")
    people = [make.user(region="souss-massa" if i % 2 else "abroad") for i in range(20)]
    comments = []
    for i, person in enumerate(people[:8]):
        variant = CAMPAIGN if i % 3 else CAMPAIGN.replace("financement", "financemnet")
        comments.append(make.comment(consultation, person, section=first, body=variant))
    for i in range(16):
        template = (WATER if i % 2 else SCHOOL)[i % 4]
        comments.append(
            make.comment(
                consultation, people[i], section=second, body=template.format(f"n°{i + 1}")
            )
        )
    for i in range(6):
        comments.append(
            make.comment(consultation, people[19 - i], body=ARABIC[i % 2].format(i + 1))
        )
    hidden = make.comment(consultation, people[3], section=first, body="Spam spam spam achetez")
    moderator = make.user()
    moderator.is_moderator = True
    moderation_services.hide(moderator, hidden, "spam", "", now=clock.utcnow())
    for voter in people:
        for comment in comments[::3]:
            comment_services.cast_vote(
                voter, comment, "agree" if voter.id % 2 else "disagree", now=clock.utcnow()
            )
    db.session.commit()
    association = org.organisation(name={"fr": "Association Eau Vive"})
    other = org.organisation(name={"fr": "Réseau École"})
    sent = org.recommendation(
        association, consultation, article_number="2", wording="Ajouter un droit à l'eau."
    )
    second_sent = org.recommendation(other, consultation, wording="Former les enseignants.")
    withdrawn = org.recommendation(other, consultation, wording="Retiré ensuite.")
    org.withdraw(withdrawn)
    official = make.official(consultation.institution)
    consultation.closes_at = clock.utcnow() - timedelta(minutes=1)
    db.session.commit()
    return {
        "consultation": consultation,
        "official": official,
        "comments": comments,
        "hidden": hidden,
        "recommendations": [sent, second_sent],
        "withdrawn": withdrawn,
        "organisation": association,
        "people": people,
    }


@pytest.fixture
def inline(app):
    app.config["BACKGROUND_TASKS"] = "inline"


def url(scene, endpoint="", **_):
    return f"/manage/consultations/{scene['consultation'].id}/synthesis/{endpoint}"


def start(client, scene):
    return client.post(url(scene, "runs"), follow_redirects=True)


def done_run(scene) -> SynthesisRun:
    committed()
    return runs.latest_done(scene["consultation"].id)


def theme_sizes(run) -> dict[int, int]:
    from consult.synthesis import curation

    summaries, _ = curation.summaries(run)
    return {s.theme.id: s.size for s in summaries}


def test_only_officials_of_the_owning_institution_enter(client, make, login_as, scene):
    assert client.get(url(scene)).status_code == 302  # to sign in
    login_as(make.user())
    assert client.get(url(scene)).status_code == 403
    login_as(make.official())  # another institution
    assert client.get(url(scene)).status_code == 403
    assert client.post(url(scene, "runs")).status_code == 403
    login_as(scene["official"])
    assert client.get(url(scene)).status_code == 200


def test_a_run_waits_for_the_consultation_to_close(client, login_as, scene, inline):
    scene["consultation"].closes_at = clock.utcnow() + timedelta(days=1)
    db.session.commit()
    login_as(scene["official"])
    body = page(start(client, scene))
    assert "La synthèse peut commencer une fois la consultation clôturée." in body
    assert db.session.scalar(select(func.count()).select_from(SynthesisRun)) == 0


def test_a_run_reads_every_contribution_that_counts_once(client, login_as, scene, inline):
    login_as(scene["official"])
    response = start(client, scene)
    assert response.status_code == 200
    run = done_run(scene)
    assert run is not None and run.status == RunStatus.DONE
    refs = set(db.session.scalars(select(RunAssignment.ref).where(RunAssignment.run_id == run.id)))
    expected = {f"comment:{c.id}" for c in scene["comments"]} | {
        f"recommendation:{r.id}" for r in scene["recommendations"]
    }
    assert refs == expected  # the hidden comment and the withdrawn recommendation are out
    assert run.summary["contributions"] == len(expected)
    assert run.summary["votes"] == 20 * len(scene["comments"][::3])
    body = page(client.get(url(scene)))
    assert "Contributions" in body and str(len(expected)) in body
    audit = db.session.scalars(select(AuditEvent.action)).all()
    assert "synthesis.start" in audit


def test_the_campaign_counts_once_with_its_signatories(client, login_as, scene, inline):
    login_as(scene["official"])
    start(client, scene)
    run = done_run(scene)
    campaigns = db.session.scalars(
        select(RunGroup).where(RunGroup.run_id == run.id, RunGroup.is_campaign.is_(True))
    ).all()
    assert [(g.size, g.signatories) for g in campaigns] == [(8, 8)]
    body = page(client.get(url(scene, "groups?show=campaigns")))
    assert "8 signataires" in body and "Campagne" in body


def test_officials_mark_a_group_and_the_mark_survives_a_new_run(client, login_as, scene, inline):
    login_as(scene["official"])
    start(client, scene)
    run = done_run(scene)
    group = db.session.scalars(select(RunGroup).where(RunGroup.run_id == run.id)).first()
    client.post(url(scene, f"groups/{group.number}/campaign"), data={"campaign": "no"})
    assert "Marquer comme campagne" in page(client.get(url(scene, "groups")))
    start(client, scene)
    rerun = done_run(scene)
    assert rerun.id != run.id
    from consult.synthesis import curation

    again = db.session.scalars(select(RunGroup).where(RunGroup.run_id == rerun.id)).first()
    assert curation.is_campaign(again, curation.group_verdicts(rerun)) is False
    assert db.session.scalar(select(func.count()).select_from(CampaignDecision)) == group.size


def test_rename_merge_split_delete_and_move_are_audited_and_survive_a_rerun(
    client, login_as, scene, inline
):
    login_as(scene["official"])
    start(client, scene)
    run = done_run(scene)
    sizes = theme_sizes(run)
    assert len(sizes) >= 2, sizes
    total = sum(sizes.values())
    first, second = list(sizes)[:2]

    client.post(url(scene, f"themes/{first}/rename"), data={"name_fr": "Accès à l'eau"})
    committed()
    assert db.session.get(Theme, first).name == {"fr": "Accès à l'eau"}
    assert "Accès à l'eau" in page(client.get(url(scene, f"themes/{first}")))

    response = client.post(url(scene, f"themes/{second}/merge"), data={"into": first})
    assert response.status_code == 302
    committed()
    merged = theme_sizes(run)
    assert merged[first] == sizes[first] + sizes[second] and second not in merged
    # The merged theme's page leads to the theme it joined.
    assert (
        client.get(url(scene, f"themes/{second}")).headers["Location"].endswith(f"/themes/{first}")
    )

    refs = db.session.scalars(
        select(RunAssignment.ref).where(RunAssignment.run_id == run.id).limit(200)
    ).all()
    from consult.synthesis import curation

    members, _ = curation.members(run, db.session.get(Theme, first), 1, 100)
    picked = [ref for ref, _ in members[:2]]
    client.post(
        url(scene, f"themes/{first}/split"),
        data={"ref": picked, "split-name_ar": "التعليم"},
    )
    committed()
    after_split = theme_sizes(run)
    new_theme = db.session.scalars(select(Theme).order_by(Theme.id.desc())).first()
    assert new_theme.name == {"ar": "التعليم"}
    assert after_split[new_theme.id] == 2
    assert after_split[first] == merged[first] - 2

    moved = next(ref for ref in refs if ref not in picked and ref.startswith("comment:"))
    client.post(url(scene, "move"), data={"ref": moved, "theme": str(new_theme.id)})
    committed()
    assert moved in [ref for ref, _ in curation.members(run, new_theme, 1, 100)[0]]

    remaining = [tid for tid in theme_sizes(run) if tid not in (first, new_theme.id)]
    if remaining:
        client.post(url(scene, f"themes/{remaining[0]}/delete"))
    committed()
    summaries, unthemed = curation.summaries(run)
    assert sum(s.size for s in summaries) + unthemed == total  # nothing lost by the edits

    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"theme.rename", "theme.merge", "theme.split", "theme.move"} <= actions

    # A new run over the same contributions keeps every edit.
    before = {s.theme.id: s.size for s in summaries}
    start(client, scene)
    rerun = done_run(scene)
    assert rerun.id != run.id
    summaries_again, unthemed_again = curation.summaries(rerun)
    assert {s.theme.id: s.size for s in summaries_again} == before
    assert unthemed_again == unthemed
    assert db.session.get(Theme, first).name == {"fr": "Accès à l'eau"}
    assert moved in [ref for ref, _ in curation.members(rerun, new_theme, 1, 100)[0]]


def test_answering_a_recommendation_shows_on_its_page_and_the_organisation_page(
    client, login_as, scene, inline
):
    login_as(scene["official"])
    recommendation = scene["recommendations"][0]
    listing = page(client.get(url(scene, "recommendations")))
    assert "Répondu à 0 sur 2 recommandations" in listing
    refused = client.post(
        url(scene, f"recommendations/{recommendation.id}"), data={"outcome": "accepted"}
    )
    assert refused.status_code == 400
    assert "Rédigez la justification dans au moins une langue." in page(refused)
    response = client.post(
        url(scene, f"recommendations/{recommendation.id}"),
        data={"outcome": "accepted", "justification_fr": "Le droit à l'eau entre à l'article 2."},
    )
    assert response.status_code == 302
    committed()
    assert db.session.get(Recommendation, recommendation.id).status.value == "accepted"
    assert "Répondu à 1 sur 2 recommandations" in page(client.get(url(scene, "recommendations")))
    public = page(client.get(f"/recommendations/{recommendation.id}"))
    assert "Le droit à l'eau entre à l'article 2." in public and "Acceptée" in public
    organisation = page(client.get(f"/organisations/{scene['organisation'].id}"))
    assert "Acceptée" in organisation
    assert "recommendation.answer" in db.session.scalars(select(AuditEvent.action)).all()
    # The withdrawn one cannot be answered.
    withdrawn = client.post(
        url(scene, f"recommendations/{scene['withdrawn'].id}"),
        data={"outcome": "noted", "justification_fr": "Noté."},
    )
    assert withdrawn.status_code == 400


def test_answering_a_theme(client, login_as, scene, inline):
    login_as(scene["official"])
    start(client, scene)
    run = done_run(scene)
    theme_id = next(iter(theme_sizes(run)))
    client.post(
        url(scene, f"themes/{theme_id}/answer"),
        data={"outcome": "partly_accepted", "justification_ar": "سيتم تعديل المادة"},
    )
    committed()
    answer = db.session.scalar(select(Response).where(Response.theme_id == theme_id))
    assert answer.outcome.value == "partly_accepted"
    assert answer.justification == {"ar": "سيتم تعديل المادة"}
    assert "Partiellement acceptée" in page(client.get(url(scene, "themes")))


CSV = (
    "\ufefftext;lang;article;sender_type;region;ref\n"
    "Lettre de la commune : l'eau potable manque;fr;2;institution;souss-massa;L-17\n"
    "رسالة بخصوص المدارس القروية;ar;;citizen;;\n"
)


def test_importing_a_spreadsheet_and_synthesising_it(client, login_as, scene, inline):
    import io

    login_as(scene["official"])
    response = client.post(
        url(scene, "import"),
        data={"file": (io.BytesIO(CSV.encode("utf-8")), "courrier.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    committed()
    imported = db.session.scalars(
        select(ImportedContribution).order_by(ImportedContribution.id)
    ).all()
    assert [(i.lang, i.sender_type, i.region, i.external_ref) for i in imported] == [
        ("fr", "institution", "souss-massa", "L-17"),
        ("ar", "citizen", None, None),
    ]
    assert imported[0].section_id == article(scene["consultation"], "2").id
    start(client, scene)
    run = done_run(scene)
    refs = set(db.session.scalars(select(RunAssignment.ref).where(RunAssignment.run_id == run.id)))
    assert {f"imported:{i.id}" for i in imported} <= refs
    assert "courrier.csv" in page(client.get(url(scene)))


def test_a_bad_file_is_refused_whole_with_its_lines(client, login_as, scene):
    import io

    login_as(scene["official"])
    bad = (
        '{"text": "Bien", "lang": "fr"}\n{"text": "", "lang": "fr"}\n{"text": "x", "lang": "en"}\n'
    )
    response = client.post(
        url(scene, "import"),
        data={"file": (io.BytesIO(bad.encode()), "lettres.jsonl")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    body = page(response)
    assert "Ligne 2 :" in body and "Ligne 3 :" in body
    assert db.session.scalar(select(func.count()).select_from(ImportedContribution)) == 0


def test_the_pages_render_in_every_language(client, login_as, scene, inline):
    login_as(scene["official"])
    start(client, scene)
    run = done_run(scene)
    theme_id = next(iter(theme_sizes(run)))
    for lang in ("ar", "fr", "zgh"):
        for path in (
            "",
            "themes",
            f"themes/{theme_id}",
            "unthemed",
            "groups",
            "opinions",
            "recommendations",
            f"recommendations/{scene['recommendations'][0].id}",
            "import",
        ):
            response = client.get(url(scene, path) + f"?lang={lang}")
            assert response.status_code == 200, (lang, path)


def test_a_stalled_run_can_be_started_again(client, login_as, scene, inline):
    stuck = SynthesisRun(
        consultation_id=scene["consultation"].id,
        status=RunStatus.RUNNING,
        created_at=clock.utcnow() - timedelta(hours=1),
        heartbeat_at=clock.utcnow() - timedelta(minutes=11),
        params={},
    )
    db.session.add(stuck)
    db.session.commit()
    login_as(scene["official"])
    assert "ⵜⴰⵙⵍⴹⵜ" not in page(client.get(url(scene)))  # the page renders
    start(client, scene)
    committed()
    assert db.session.get(SynthesisRun, stuck.id).status == RunStatus.FAILED
    assert done_run(scene) is not None


def test_a_running_analysis_is_refused_a_second_start(client, login_as, scene):
    running = SynthesisRun(
        consultation_id=scene["consultation"].id,
        status=RunStatus.RUNNING,
        created_at=clock.utcnow(),
        heartbeat_at=clock.utcnow(),
        params={},
    )
    db.session.add(running)
    db.session.commit()
    login_as(scene["official"])
    body = page(start(client, scene))
    assert "Une synthèse est déjà en cours pour cette consultation." in body
    assert '<meta http-equiv="refresh"' in page(client.get(url(scene)))


def test_the_command_line_synthesises_a_stored_consultation(runner, scene):
    result = runner.invoke(args=["synthesise", str(scene["consultation"].id)])
    assert result.exit_code == 0, result.output
    run = done_run(scene)
    assert run.started_by_id is None and run.summary["contributions"] == 32
    assert "run" in result.output and "contributions" in result.output


def test_the_workspace_starts_the_run_in_a_process_of_its_own(client, login_as, scene, app):
    import time

    app.config["BACKGROUND_TASKS"] = "process"
    login_as(scene["official"])
    start(client, scene)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        committed()
        run = runs.latest(scene["consultation"].id)
        if run is not None and run.status in (RunStatus.DONE, RunStatus.FAILED):
            break
        time.sleep(0.5)
    assert run.status == RunStatus.DONE, run.error
    assert run.summary["contributions"] == 32
    from consult import background

    for worker in background._workers:  # the process ends by itself once the run is stored
        assert worker.wait(timeout=60) == 0


def test_hidden_comment_is_not_in_the_comments_fixture(scene):
    # Guards the scene itself: the hidden comment really is hidden.
    assert db.session.get(Comment, scene["hidden"].id).status.value == "hidden"
