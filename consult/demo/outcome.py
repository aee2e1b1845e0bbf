"""The demo's closed consultation, carried to its end: synthesised, answered, published.

So that `make run` shows every step a ministry takes after a consultation: the synthesis
workspace with its themes, campaign and opinion groups; an answer to every recommendation;
the final text beside the draft; the public outcome report with its open data.
"""

from datetime import timedelta

from sqlalchemy import select

from .. import clock
from ..consultations import queries as consultation_queries
from ..consultations import services as consultation_services
from ..extensions import db
from ..recommendations.models import Recommendation
from ..synthesis import responses, runs
from ..synthesis.models import ANSWERABLE

#: Outcomes given in turn, with what the ministry says of each.
ANSWERS = [
    (
        "accepted",
        {
            "fr": "Retenu : la stratégie révisée intègre cette proposition à l'article 2.",
            "ar": "مقبولة: تدمج الاستراتيجية المعدلة هذا المقترح في المادة 2.",
        },
        ["2"],
    ),
    (
        "partly_accepted",
        {
            "fr": "Retenu en partie : l'objectif est repris, le calendrier reste celui du texte.",
            "ar": "مقبولة جزئيا: تم الأخذ بالهدف، ويبقى الجدول الزمني كما ورد في النص.",
        },
        ["2"],
    ),
    (
        "noted",
        {
            "fr": "Pris en compte pour le plan d'action, qui sera concerté avec les régions.",
            "ar": "أُخذت بعين الاعتبار في خطة العمل التي سيتم التشاور بشأنها مع الجهات.",
        },
        [],
    ),
    (
        "rejected",
        {
            "fr": "Non retenu : la mesure relève de la loi de finances et non de la stratégie.",
            "ar": "غير مقبولة: يندرج هذا الإجراء ضمن قانون المالية وليس ضمن الاستراتيجية.",
        },
        [],
    ),
]

ARTICLE_2_ADDITION = {
    "fr": " Chaque conseil dispose d'un budget propre, voté chaque année par la commune et "
    "publié avec son rapport d'exécution.",
    "ar": " يتوفر كل مجلس على ميزانية خاصة تصوت عليها الجماعة كل سنة وتنشر مع تقرير تنفيذها.",
}

SUMMARY = {
    "fr": "La consultation a réuni des jeunes de toutes les régions et des Marocains du monde. "
    "Trois demandes dominent : des conseils de jeunes dotés d'un vrai budget, l'accès au "
    "numérique en milieu rural et un financement stable des associations de jeunes. "
    "La stratégie révisée donne un budget propre à chaque conseil local de jeunes.",
    "ar": "جمعت الاستشارة شبابا من جميع الجهات ومغاربة العالم. تبرز ثلاثة مطالب رئيسية: "
    "مجالس شبابية بميزانية حقيقية، والولوج إلى الرقمي في العالم القروي، وتمويل مستقر "
    "لجمعيات الشباب. تمنح الاستراتيجية المعدلة ميزانية خاصة لكل مجلس محلي للشباب.",
}
NEXT_STEPS = {
    "fr": "La stratégie révisée sera présentée au Conseil de gouvernement, puis déclinée en "
    "plans d'action régionaux concertés avec les conseils de jeunes.",
    "ar": "ستعرض الاستراتيجية المعدلة على مجلس الحكومة، ثم تُفصّل في مخططات عمل جهوية "
    "يتم التشاور بشأنها مع مجالس الشباب.",
}


def publish_closed(official, consultation) -> int:
    """Synthesise, answer every recommendation, store the final text, publish; the
    publication's id (its open-data files are written too)."""
    from ..opendata.export import export_publication
    from ..outcome import services as outcome_services

    run = runs.create_run(official, consultation)
    db.session.commit()
    runs.execute(run.id)
    recommendations = db.session.scalars(
        select(Recommendation)
        .where(
            Recommendation.consultation_id == consultation.id,
            Recommendation.status.in_(ANSWERABLE),
        )
        .order_by(Recommendation.id)
    ).all()
    for index, recommendation in enumerate(recommendations):
        outcome, justification, articles = ANSWERS[index % len(ANSWERS)]
        responses.answer_recommendation(official, recommendation, outcome, justification, articles)
    _store_final_text(official, consultation)
    publication = outcome_services.publish(
        official,
        consultation,
        outcome_services.OutcomeFields(
            summary=SUMMARY,
            next_steps=NEXT_STEPS,
            next_date=clock.utcnow() + timedelta(days=90),
            change_note={},
        ),
    )
    db.session.commit()
    export_publication(publication.id)
    return publication.id


def _store_final_text(official, consultation) -> None:
    """The draft as adopted: article 2 gains the youth councils' own budget."""
    draft = consultation_queries.draft_version(consultation.id)
    sections = consultation_queries.sections_of(draft.id)
    for language in ("fr", "ar"):
        items = []
        for section in sections:
            body = (section.body or {}).get(language, "")
            if section.is_article and section.number == "2":
                body += ARTICLE_2_ADDITION[language]
            items.append(
                consultation_services.DraftItem(
                    section.kind, section.number, (section.heading or {}).get(language, ""), body
                )
            )
        consultation_services.store_draft_language(
            official,
            consultation,
            language,
            items,
            (draft.preamble or {}).get(language, ""),
            clock.utcnow(),
            final=True,
        )
