"""Invented demo content (institution, consultations, users, comments) for seeding consult."""

from typing import Any

# Everything below is fictional and written for demonstration purposes only.
# Tamazight strings are in Tifinagh script (Standard Moroccan Tamazight).

INSTITUTION: dict[str, str] = {
    "ar": "وزارة العلاقات مع البرلمان والمشاركة المواطنة",
    "fr": "Ministère des Relations avec le Parlement et de la Participation citoyenne",
    "zgh": "ⵜⴰⵎⴰⵡⴰⵙⵜ ⵏ ⵜⵣⴷⴰⵢⵉⵏ ⴷ ⵓⴱⵔⵍⴰⵎⴰⵏ ⴷ ⵓⵜⵜⴽⴽⵉ ⴰⵖⵔⵎⴰⵏ",
}


# Theme slugs; their labels are translated elsewhere.
THEMES: list[str] = [
    "governance",
    "civil_society",
    "digital",
    "youth",
    "territories",
    "human_rights",
]


# Open consultation; its draft lives in draft_fr.txt / draft_ar.txt.
MAIN_CONSULTATION: dict[str, Any] = {
    "title": {
        "ar": "مشروع القانون رقم 00-26 المتعلق بالاستشارة العمومية",
        "fr": "Projet de loi n° 00-26 relative à la consultation publique",
        "zgh": "ⴰⵙⵏⴼⴰⵔ ⵏ ⵓⵙⵍⴳⵏ 00-26 ⵅⴼ ⵓⵎⵙⴰⵡⴰⵍ ⴰⴳⴷⵓⴷⴰⵏ",
    },
    "summary": {
        "ar": (
            "يحدد مشروع القانون هذا القواعد المشتركة المطبقة على الاستشارات العمومية التي تنظمها "
            "الدولة والمؤسسات العمومية والجماعات الترابية. ويضمن لكل شخص، داخل المغرب وخارجه، الحق "
            "في التعليق على كل مادة باللغة العربية أو الأمازيغية أو الفرنسية طيلة ثلاثين يوما على "
            "الأقل. كما يلزم السلطة المستشيرة بنشر تقرير تركيبي يعرض المساهمات الواردة والمآل الذي "
            "خصص لها."
        ),
        "fr": (
            "Ce projet de loi fixe les règles communes applicables aux consultations publiques "
            "organisées par l'État, les établissements publics et les collectivités territoriales. "
            "Il garantit à toute personne, au Maroc comme à l'étranger, le droit de commenter "
            "chaque article en arabe, en amazighe ou en français pendant au moins trente jours. Il "
            "impose enfin la publication d'un rapport de synthèse rendant compte des contributions "
            "reçues et des suites qui leur sont données."
        ),
        "zgh": (
            "ⴰⵙⵏⴼⴰⵔ ⴰⴷ ⵏ ⵓⵙⵍⴳⵏ ⵉⵙⵏⵎⴰⵍⴰ ⴰⵎⵙⴰⵡⴰⵍ ⴰⴳⴷⵓⴷⴰⵏ ⵅⴼ ⵉⴹⵕⵉⵚⵏ ⴷ ⵜⵙⵔⵜⵉⵡⵉⵏ ⵜⵉⴳⴷⵓⴷⴰⵏⵉⵏ. ⵉⴼⴽⴰ ⵉ "
            "ⵎⵉⴷⴷⵏ ⴰⴽⴽⵯ, ⴳ ⵍⵎⵖⵔⵉⴱ ⵏⵖ ⴳ ⵓⴱⵕⵕⴰ, ⴰⵣⵔⴼ ⴰⴷ ⴰⵔⵉⵏ ⴰⵡⴰⵍ ⵏⵏⵙⵏ ⵅⴼ ⴽⵓ ⴰⵎⴳⵉⵔⴷ ⵙ ⵜⵄⵔⴰⴱⵜ, ⵙ "
            "ⵜⵎⴰⵣⵉⵖⵜ ⵏⵖ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ. ⵓⵔ ⵉⵣⵎⵉⵔ ⵓⵎⵙⴰⵡⴰⵍ ⴰⴷ ⵉⴳ ⴷⵔⵓⵙ ⵏ 30 ⵏ ⵡⵓⵙⵙⴰⵏ, ⴷ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵙⵙⵓⴼⵖ "
            "ⵜⵎⴰⵡⴰⵙⵜ ⴰⵏⵇⵇⵉⵙ ⵏ ⵓⵙⵎⵓⵏ ⵙ ⵜⵄⵔⴰⴱⵜ ⴷ ⵜⵎⴰⵣⵉⵖⵜ."
        ),
    },
    "kind": "bill",
    "scope": "national",
    "themes": ["governance", "civil_society", "digital", "human_rights"],
}


# A second, already closed consultation.
CLOSED_CONSULTATION: dict[str, Any] = {
    "title": {
        "ar": "الاستراتيجية الوطنية للمشاركة المواطنة للشباب 2026-2030",
        "fr": "Stratégie nationale de participation citoyenne des jeunes 2026-2030",
        "zgh": "ⵜⴰⵙⵜⵔⴰⵜⵉⵊⵉⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵓⵜⵜⴽⴽⵉ ⵏ ⵉⵍⵎⵥⵢⴰⵏ 2026-2030",
    },
    "summary": {
        "ar": (
            "تحدد هذه الاستراتيجية توجهات الدولة لتشجيع انخراط الشباب من 18 إلى 34 سنة في الحياة "
            "العامة على المستويين المحلي والوطني. وتتمحور حول خمس مواد تهم المجالس المحلية للشباب "
            "والتربية على المواطنة والرقمنة وشباب العالم القروي والجبلي والتتبع والتقييم. وقد "
            "اختتمت الاستشارة ويجري حاليا إعداد التقرير التركيبي."
        ),
        "fr": (
            "Cette stratégie fixe les orientations de l'État pour encourager l'engagement des "
            "jeunes de 18 à 34 ans dans la vie publique locale et nationale. Elle s'articule "
            "autour de cinq articles : conseils locaux de jeunes, éducation civique et numérique, "
            "jeunes des territoires ruraux et de montagne, suivi et évaluation. La consultation "
            "est close et le rapport de synthèse est en cours de rédaction."
        ),
        "zgh": (
            "ⵜⴰⵙⵜⵔⴰⵜⵉⵊⵉⵜ ⴰⴷ ⵜⵔⴰ ⴰⴷ ⵜⵜⴽⴽⵉⵏ ⵉⵍⵎⵥⵢⴰⵏ ⴳ ⵜⵓⴷⵔⵜ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ, ⴳ ⵉⵖⵔⵎⴰⵏ ⴷ ⵜⵎⴷⵉⵏⵉⵏ. ⵉⵍⵍⴰ ⴳⵉⵙ "
            "ⵙⵎⵎⵓⵙ ⵏ ⵉⵎⴳⵉⵔⴷⵏ ⵅⴼ ⵉⵙⵉⵏⴰⴳⵏ ⵉⴷⵖⴰⵔⴰⵏⵏ ⵏ ⵉⵍⵎⵥⵢⴰⵏ, ⴰⵙⵍⵎⴷ, ⴰⵏⵜⵔⵏⵉⵜ ⴷ ⵉⵍⵎⵥⵢⴰⵏ ⵏ ⵉⴷⵔⴰⵔⵏ. "
            "ⵉⴽⵎⵎⵍ ⵓⵎⵙⴰⵡⴰⵍ ⴰⴷ, ⵜⴰⵎⴰⵡⴰⵙⵜ ⴰⵔ ⵜⵙⵡⵓⴷⴷⵓⵢ ⴰⵏⵇⵇⵉⵙ ⵏⵏⵙ."
        ),
    },
    "kind": "strategy",
    "scope": "national",
    "themes": ["youth", "territories", "civil_society", "digital"],
}


CLOSED_DRAFT_FR: str = (
    "Stratégie nationale de participation citoyenne des jeunes 2026-2030\n\n"
    "Document d'orientation soumis à la consultation publique. Texte de démonstration, sans valeur "
    "officielle.\n\n"
    "Article 1 - Vision et objectifs\n\n"
    "La stratégie vise à ce que chaque jeune âgé de 18 à 34 ans dispose, d'ici 2030, d'au moins un "
    "moyen effectif de participer à la décision publique dans sa commune, dans sa région et au "
    "niveau national.\n\n"
    "Elle poursuit trois objectifs : renforcer la confiance des jeunes dans les institutions, "
    "développer leurs compétences civiques et réduire les écarts de participation entre jeunes "
    "femmes et jeunes hommes ainsi qu'entre milieu urbain et milieu rural.\n\n"
    "Article 2 - Conseils locaux de jeunes\n\n"
    "Des conseils consultatifs de jeunes sont installés auprès des communes volontaires, puis "
    "généralisés progressivement. Leurs membres sont désignés par tirage au sort parmi les "
    "candidatures reçues, dans le respect de la parité.\n\n"
    "Les conseils sont consultés sur le programme d'action de la commune et disposent d'une "
    "dotation annuelle destinée à financer des microprojets proposés par les jeunes.\n\n"
    "Article 3 - Éducation civique et numérique\n\n"
    "Des modules d'éducation à la citoyenneté et aux usages responsables du numérique sont "
    "proposés dans les établissements d'enseignement, les maisons de jeunes et les centres de "
    "formation professionnelle. Ils comprennent des exercices pratiques de participation aux "
    "consultations publiques.\n\n"
    "Article 4 - Jeunes des territoires ruraux et de montagne\n\n"
    "Des caravanes de la participation se rendent chaque année dans les provinces les plus "
    "enclavées. Les maisons de jeunes sont équipées d'un accès à internet et d'un point d'accueil "
    "pour les consultations publiques.\n\n"
    "Article 5 - Suivi et évaluation\n\n"
    "Un comité de suivi, comprenant des représentants des conseils locaux de jeunes, publie chaque "
    "année un rapport sur la mise en œuvre de la stratégie. Ce rapport présente des indicateurs "
    "ventilés par sexe, par tranche d'âge et par région.\n"
)


CLOSED_DRAFT_AR: str = (
    "الاستراتيجية الوطنية للمشاركة المواطنة للشباب 2026-2030\n\n"
    "وثيقة توجيهية معروضة على الاستشارة العمومية. نص للعرض فقط، لا يكتسي أي صبغة رسمية.\n\n"
    "المادة 1 - الرؤية والأهداف\n\n"
    "تهدف الاستراتيجية إلى أن تتوفر لكل شابة وشاب تتراوح أعمارهم بين 18 و34 سنة، في أفق سنة 2030، "
    "وسيلة فعلية واحدة على الأقل للمشاركة في القرار العمومي على مستوى الجماعة والجهة وعلى المستوى "
    "الوطني.\n\n"
    "وتسعى إلى تحقيق ثلاثة أهداف: تعزيز ثقة الشباب في المؤسسات، وتنمية كفاءاتهم المدنية، وتقليص "
    "الفوارق في المشاركة بين الشابات والشبان وبين الوسطين الحضري والقروي.\n\n"
    "المادة 2 - المجالس المحلية للشباب\n\n"
    "تحدث مجالس استشارية للشباب لدى الجماعات الراغبة في ذلك، ثم يعمم إحداثها تدريجيا. ويعين "
    "أعضاؤها عن طريق القرعة من بين الترشيحات الواردة، مع احترام مبدأ المناصفة.\n\n"
    "تستشار هذه المجالس في برنامج عمل الجماعة، وتتوفر على اعتماد سنوي مخصص لتمويل مشاريع صغيرة "
    "يقترحها الشباب.\n\n"
    "المادة 3 - التربية على المواطنة والرقمنة\n\n"
    "تقترح وحدات للتربية على المواطنة وعلى الاستعمال المسؤول للتكنولوجيا الرقمية في مؤسسات التعليم "
    "ودور الشباب ومراكز التكوين المهني. وتتضمن تمارين تطبيقية للمشاركة في الاستشارات العمومية.\n\n"
    "المادة 4 - شباب المجالات القروية والجبلية\n\n"
    "تنظم قوافل للمشاركة كل سنة في الأقاليم الأكثر عزلة. وتجهز دور الشباب بولوج إلى الإنترنت "
    "وبفضاء لاستقبال المشاركين في الاستشارات العمومية.\n\n"
    "المادة 5 - التتبع والتقييم\n\n"
    "تنشر لجنة للتتبع، تضم ممثلين عن المجالس المحلية للشباب، تقريرا سنويا حول تنفيذ الاستراتيجية. "
    "ويتضمن هذا التقرير مؤشرات مصنفة حسب الجنس والفئة العمرية والجهة.\n"
)


# Demo participants. region: region slug, "abroad" or None;
# country: ISO 3166 alpha-2 code when abroad, else None.
USERS: list[dict[str, str | None]] = [
    {
        "display_name": "فاطمة الزهراء بناني",
        "email": "fz.bennani@example.org",
        "locale": "ar",
        "region": "casablanca-settat",
        "country": None,
        "gender": "female",
        "age_bracket": "35-44",
    },
    {
        "display_name": "Youssef El Amrani",
        "email": "youssef.elamrani@example.org",
        "locale": "fr",
        "region": "rabat-sale-kenitra",
        "country": None,
        "gender": "male",
        "age_bracket": "25-34",
    },
    {
        "display_name": "ⵜⵉⵍⵉⵍⵉ ⴰⵎⵣⴰⵍ",
        "email": "tilili.amzal@example.org",
        "locale": "zgh",
        "region": "souss-massa",
        "country": None,
        "gender": "female",
        "age_bracket": "25-34",
    },
    {
        "display_name": "عبد الرحيم الوزاني",
        "email": "a.ouazzani@example.org",
        "locale": "ar",
        "region": "fes-meknes",
        "country": None,
        "gender": "male",
        "age_bracket": "55-64",
    },
    {
        "display_name": "Salma Berrada",
        "email": "salma.berrada@example.org",
        "locale": "fr",
        "region": "casablanca-settat",
        "country": None,
        "gender": "female",
        "age_bracket": "18-24",
    },
    {
        "display_name": "Idir Ait Ouaadi",
        "email": "idir.aitouaadi@example.org",
        "locale": "zgh",
        "region": "draa-tafilalet",
        "country": None,
        "gender": "male",
        "age_bracket": "35-44",
    },
    {
        "display_name": "حسن بوعزة",
        "email": "hassan.bouazza@example.org",
        "locale": "ar",
        "region": "oriental",
        "country": None,
        "gender": "male",
        "age_bracket": "45-54",
    },
    {
        "display_name": "Nadia Chraibi",
        "email": "nadia.chraibi@example.org",
        "locale": "fr",
        "region": "abroad",
        "country": "FR",
        "gender": "female",
        "age_bracket": "45-54",
    },
    {
        "display_name": "خديجة العلوي",
        "email": "khadija.alaoui@example.org",
        "locale": "ar",
        "region": "marrakech-safi",
        "country": None,
        "gender": "female",
        "age_bracket": "65+",
    },
    {
        "display_name": "Karim Haddaoui",
        "email": "karim.haddaoui@example.org",
        "locale": "fr",
        "region": "tanger-tetouan-al-hoceima",
        "country": None,
        "gender": "male",
        "age_bracket": "35-44",
    },
    {
        "display_name": "ⵢⵓⴱⴰ ⴰⵎⵖⴰⵔ",
        "email": "yuba.amghar@example.org",
        "locale": "zgh",
        "region": "beni-mellal-khenifra",
        "country": None,
        "gender": "male",
        "age_bracket": "18-24",
    },
    {
        "display_name": "مريم الصنهاجي",
        "email": "meryem.sanhaji@example.org",
        "locale": "ar",
        "region": "tanger-tetouan-al-hoceima",
        "country": None,
        "gender": "female",
        "age_bracket": "25-34",
    },
    {
        "display_name": "Mehdi Tazi",
        "email": "mehdi.tazi@example.org",
        "locale": "fr",
        "region": "abroad",
        "country": "CA",
        "gender": "male",
        "age_bracket": "25-34",
    },
    {
        "display_name": "سعيد أوحمو",
        "email": "said.ouhammou@example.org",
        "locale": "ar",
        "region": "souss-massa",
        "country": None,
        "gender": "male",
        "age_bracket": "45-54",
    },
    {
        "display_name": "Houda Lamrani",
        "email": "houda.lamrani@example.org",
        "locale": "fr",
        "region": "rabat-sale-kenitra",
        "country": None,
        "gender": "female",
        "age_bracket": "35-44",
    },
    {
        "display_name": "Itto Ouhadou",
        "email": "itto.ouhadou@example.org",
        "locale": "zgh",
        "region": "beni-mellal-khenifra",
        "country": None,
        "gender": "female",
        "age_bracket": "55-64",
    },
    {
        "display_name": "عمر الحسيني",
        "email": "omar.housseini@example.org",
        "locale": "ar",
        "region": "fes-meknes",
        "country": None,
        "gender": "male",
        "age_bracket": "65+",
    },
    {
        "display_name": "Amine Kettani",
        "email": "amine.kettani@example.org",
        "locale": "fr",
        "region": "draa-tafilalet",
        "country": None,
        "gender": "male",
        "age_bracket": "35-44",
    },
    {
        "display_name": "زينب الإدريسي",
        "email": "zineb.idrissi@example.org",
        "locale": "ar",
        "region": "laayoune-sakia-el-hamra",
        "country": None,
        "gender": "female",
        "age_bracket": "25-34",
    },
    {
        "display_name": "Rachid Boutaleb",
        "email": "rachid.boutaleb@example.org",
        "locale": "fr",
        "region": "oriental",
        "country": None,
        "gender": "male",
        "age_bracket": "55-64",
    },
    {
        "display_name": "ⵜⵉⵣⵉⵔⵉ ⵏⴰⵚⵔⵉ",
        "email": "tiziri.nasri@example.org",
        "locale": "zgh",
        "region": "abroad",
        "country": "BE",
        "gender": "female",
        "age_bracket": "25-34",
    },
    {
        "display_name": "محمد أمين الشرقاوي",
        "email": "ma.cherkaoui@example.org",
        "locale": "ar",
        "region": "dakhla-oued-ed-dahab",
        "country": None,
        "gender": "male",
        "age_bracket": "18-24",
    },
    {
        "display_name": "Laila Benjelloun",
        "email": "laila.benjelloun@example.org",
        "locale": "fr",
        "region": "marrakech-safi",
        "country": None,
        "gender": "female",
        "age_bracket": "45-54",
    },
    {
        "display_name": "عبد الله بلحاج",
        "email": "abdellah.belhaj@example.org",
        "locale": "ar",
        "region": "guelmim-oued-noun",
        "country": None,
        "gender": "male",
        "age_bracket": "35-44",
    },
    {
        "display_name": "Ayoub N.",
        "email": "ayoub.n@example.org",
        "locale": "fr",
        "region": None,
        "country": None,
        "gender": None,
        "age_bracket": None,
    },
    {
        "display_name": "سناء المرابط",
        "email": "sanaa.mrabet@example.org",
        "locale": "ar",
        "region": "abroad",
        "country": "IT",
        "gender": "female",
        "age_bracket": "35-44",
    },
    {
        "display_name": "Lahcen Id Belkacem",
        "email": "lahcen.idbelkacem@example.org",
        "locale": "zgh",
        "region": "souss-massa",
        "country": None,
        "gender": "male",
        "age_bracket": "65+",
    },
    {
        "display_name": "نور الهدى بنسعيد",
        "email": "nourelhouda.bensaid@example.org",
        "locale": "ar",
        "region": "rabat-sale-kenitra",
        "country": None,
        "gender": "female",
        "age_bracket": "18-24",
    },
    {
        "display_name": "Sofia El Ouazzani",
        "email": "sofia.elouazzani@example.org",
        "locale": "fr",
        "region": "abroad",
        "country": "NL",
        "gender": "female",
        "age_bracket": "25-34",
    },
    {
        "display_name": "يونس الحمري",
        "email": "younes.hamri@example.org",
        "locale": "ar",
        "region": "casablanca-settat",
        "country": None,
        "gender": "male",
        "age_bracket": None,
    },
]


# Comments on MAIN_CONSULTATION. author: index into USERS;
# article: article number as in the draft ("1", "7 bis", ...) or None for
# the consultation as a whole; parent: key of the comment replied to
# (always on the same article) or None; stance: for/against/neutral/None.
COMMENTS: list[dict[str, Any]] = [
    {
        "key": "c1",
        "author": 3,
        "article": None,
        "parent": None,
        "stance": "for",
        "body": (
            "أثمن مبادرة الوزارة إلى عرض هذا المشروع على العموم قبل إحالته على البرلمان. المدة "
            "الدنيا المحددة في ثلاثين يوما معقولة، لكن الأهم هو ما يقع بعد الاستشارة: أقترح أن "
            "تنشر السلطة المستشيرة الصيغة النهائية للنص مع إبراز التعديلات التي أدخلت عليه بفضل "
            "مساهمات المواطنين، حتى يلمس كل مشارك أثر مشاركته."
        ),
    },
    {
        "key": "c2",
        "author": 1,
        "article": None,
        "parent": "c1",
        "stance": "neutral",
        "body": (
            "Tout à fait d'accord. Concrètement, le rapport de synthèse pourrait comporter un "
            "*tableau comparatif* en trois colonnes :\n\n"
            "- le texte initial de chaque article ;\n"
            "- le texte finalement retenu ;\n"
            "- les contributions qui expliquent la modification, avec un lien vers chacune.\n\n"
            "C'est ce qui manque le plus aujourd'hui : on ne sait jamais ce que nos commentaires "
            "sont devenus."
        ),
    },
    {
        "key": "c3",
        "author": 0,
        "article": None,
        "parent": "c2",
        "stance": "for",
        "body": (
            "فكرة الجدول المقارن ممتازة، وأضيف إليها ضرورة أن يكون الجدول متاحا بصيغة قابلة "
            "للتحميل وإعادة الاستعمال (معطيات مفتوحة)، حتى تتمكن الجمعيات والباحثون والصحافيون من "
            "تحليله بأنفسهم."
        ),
    },
    {
        "key": "c4",
        "author": 2,
        "article": None,
        "parent": None,
        "stance": "for",
        "body": (
            "ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ. ⵜⴰⵏⵎⵎⵉⵔⵜ ⵅⴼ ⵓⵎⵙⴰⵡⴰⵍ ⴰⴷ. ⵜⴳⴰ ⵜⴰ ⵜⵉⴽⴽⵍⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ ⵍⵍⵉ ⴳ ⵣⵎⵔⵖ ⴰⴷ ⴰⵔⵉⵖ ⴰⵡⴰⵍ "
            "ⵉⵏⵓ ⵅⴼ ⵢⴰⵏ ⵓⵙⵍⴳⵏ ⵙ ⵜⵓⵜⵍⴰⵢⵜ ⵉⵏⵓ."
        ),
    },
    {
        "key": "c5",
        "author": 14,
        "article": None,
        "parent": "c4",
        "stance": None,
        "body": (
            "Azul ! Question liée : la version en tifinagh du projet a-t-elle la même valeur que "
            "la version arabe, ou s'agit-il d'une traduction indicative ? Le texte parle de "
            "publication « en langue amazighe » sans préciser quelle version fait foi en cas de "
            "divergence."
        ),
    },
    {
        "key": "c6",
        "author": 19,
        "article": None,
        "parent": None,
        "stance": "against",
        "body": (
            "Je reste sceptique. Des consultations, on en a connu plusieurs, et les rapports n'ont "
            "jamais été publiés ou sont arrivés après le vote du texte. Tant que le projet ne "
            "prévoit aucune conséquence lorsque l'autorité consultante ignore ses obligations, ce "
            "sera une formalité de plus. Il faudrait au minimum qu'un projet ne puisse pas être "
            "transmis au Parlement sans son rapport de synthèse."
        ),
    },
    {
        "key": "c7",
        "author": 27,
        "article": None,
        "parent": None,
        "stance": "neutral",
        "body": (
            "متى سينشر التقرير التركيبي الخاص بهذه الاستشارة بالذات؟ وهل ستنظم لقاءات حضورية في "
            "الجهات موازاة مع الاستشارة الإلكترونية، خاصة في الجامعات ودور الشباب؟"
        ),
    },
    {
        "key": "c8",
        "author": 6,
        "article": None,
        "parent": None,
        "stance": "neutral",
        "body": (
            "أقترح إضافة مادة جديدة تلزم الحكومة بتقديم تقرير سنوي إلى البرلمان حول حصيلة "
            "الاستشارات العمومية: عددها، ونسبة المشاركة فيها، وعدد التوصيات المقبولة والمرفوضة. "
            "فالتقييم الدوري هو الضمانة الحقيقية لعدم تحول هذه الآلية إلى إجراء شكلي."
        ),
    },
    {
        "key": "c9",
        "author": 6,
        "article": "1",
        "parent": None,
        "stance": "neutral",
        "body": (
            "تنص المادة على أن الجماعات الترابية تنظم بدورها استشارات، لكن الصياغة لا توضح هل "
            "الأمر إلزامي بالنسبة إليها أم اختياري. أقترح التنصيص صراحة على مجالس الجهات والعمالات "
            "والأقاليم والجماعات، لأن أغلب القرارات التي تمس الحياة اليومية للمواطن تتخذ على "
            "المستوى المحلي."
        ),
    },
    {
        "key": "c10",
        "author": 9,
        "article": "1",
        "parent": "c9",
        "stance": "for",
        "body": (
            "Bonne remarque. Proposition de rédaction pour un troisième alinéa :\n\n"
            "> *Les conseils des régions, des préfectures, des provinces et des communes sont "
            "tenus de soumettre à consultation publique leurs programmes de développement et ceux "
            "de leurs règlements qui ont une incidence directe sur les usagers.*\n\n"
            "Cela éviterait que la loi ne s'applique en pratique qu'aux ministères."
        ),
    },
    {
        "key": "c11",
        "author": 23,
        "article": "1",
        "parent": "c10",
        "stance": "neutral",
        "body": (
            "أتفق مع المبدأ، لكن يجب الانتباه إلى أن كثيرا من الجماعات القروية لا تتوفر حتى على "
            "موظف واحد مكلف بالتواصل، فكيف ستدبر استشارة إلكترونية وتعد تقريرا تركيبيا؟ الإلزام "
            "دون مواكبة تقنية ومالية من الدولة سيبقى حبرا على ورق."
        ),
    },
    {
        "key": "c12",
        "author": 15,
        "article": "1",
        "parent": "c11",
        "stance": "for",
        "body": (
            "ⵉⵀ, ⵜⵏⵏⵉⴷ ⵜⵉⴷⵜ. ⵉⵖⵔⵎⴰⵏ ⵏⵏⵖ ⴳ ⵓⴷⵔⴰⵔ ⵓⵔ ⴳⵉⵙⵏ ⵎⴰ ⵔⴰⴷ ⵉⵙⵡⵓⴷⴷⵓⵢ ⴰⵏⵇⵇⵉⵙ ⵏⵖ ⴰⴷ ⵉⵖⵔ ⴰⵡⴰⵍ ⵏ "
            "ⵎⵉⴷⴷⵏ. ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⴰⵡⵙ ⵜⵎⴰⵡⴰⵙⵜ ⵉⵖⵔⵎⴰⵏ ⴰⴷ ⵙ ⵉⵎⵙⵡⵓⵔⵉⵢⵏ ⴷ ⵓⵙⵍⵎⴷ."
        ),
    },
    {
        "key": "c13",
        "author": 22,
        "article": "2",
        "parent": None,
        "stance": "neutral",
        "body": (
            "La définition de « contribution » devrait viser expressément les *documents joints* : "
            "beaucoup d'associations produisent des notes argumentées ou des études de terrain qui "
            "ne tiennent pas dans un simple commentaire. Proposition : « … proposition de "
            "rédaction, document d'appui ou vote exprimé par un participant … »."
        ),
    },
    {
        "key": "c14",
        "author": 3,
        "article": "2",
        "parent": "c13",
        "stance": "for",
        "body": (
            "أؤيد إدراج الوثائق المرفقة، مع تحديد حجم أقصى والصيغ المقبولة، واشتراط أن تكون قابلة "
            "للقراءة الآلية حتى لا تضيع مضامينها عند إعداد التقرير التركيبي."
        ),
    },
    {
        "key": "c15",
        "author": 11,
        "article": "2",
        "parent": None,
        "stance": "neutral",
        "body": (
            "أقترح إضافة تعريف لـ«المساهمة الجماعية»، أي المساهمة التي تقدمها مجموعة من المواطنين "
            "أو شبكة من الجمعيات باسم واحد. فالمشروع لا يتحدث إلا عن الأشخاص الذاتيين والجمعيات، "
            "في حين أن عددا من المبادرات الشبابية غير مهيكلة قانونيا لكنها تمثل مئات الأشخاص."
        ),
    },
    {
        "key": "c16",
        "author": 16,
        "article": "3",
        "parent": None,
        "stance": "for",
        "body": (
            "مبدأ عدم التمييز مهم جدا، غير أن لائحة الأسباب الواردة في الفقرة الثانية ناقصة. أقترح "
            "إضافة *الإعاقة* و*السن*، مع التوضيح بأن اللائحة واردة على سبيل المثال لا الحصر، وذلك "
            "بإضافة عبارة «أو أي سبب آخر»."
        ),
    },
    {
        "key": "c17",
        "author": 4,
        "article": "3",
        "parent": "c16",
        "stance": "for",
        "body": (
            "+1. J'ajouterais aussi la *situation sociale* : certains formulaires exigent une "
            "pièce d'identité scannée ou un smartphone récent, ce qui écarte de fait une partie de "
            "la population."
        ),
    },
    {
        "key": "c18",
        "author": 24,
        "article": "3",
        "parent": None,
        "stance": "against",
        "body": (
            "Parler de « neutralité de l'autorité consultante » me paraît un vœu pieux : le "
            "ministère qui rédige le projet est aussi celui qui modère les commentaires et rédige "
            "la synthèse. Il est juge et partie. Pour les projets de loi au moins, la conduite de "
            "la consultation devrait être confiée à une instance indépendante."
        ),
    },
    {
        "key": "c19",
        "author": 29,
        "article": "3",
        "parent": "c18",
        "stance": "neutral",
        "body": (
            "أفهم هذا التخوف، لكن إحداث هيئة مستقلة جديدة يعني مزيدا من البيروقراطية والكلفة "
            "والتأخير. الحل الوسط في نظري هو إسناد مهمة *الملاحظة* لا *التدبير* إلى جهة مستقلة، "
            "تصدر رأيا موجزا حول سلامة المسطرة يرفق بالتقرير التركيبي."
        ),
    },
    {
        "key": "c20",
        "author": 24,
        "article": "3",
        "parent": "c19",
        "stance": "neutral",
        "body": (
            "Un observateur indépendant plutôt qu'une nouvelle agence, pourquoi pas. À condition "
            "que son avis soit publié *en même temps* que la synthèse et qu'il ait accès aux "
            "contributions retirées par la modération, sinon il ne verra que ce qu'on voudra bien "
            "lui montrer."
        ),
    },
    {
        "key": "c21",
        "author": 12,
        "article": "4",
        "parent": None,
        "stance": "against",
        "body": (
            "L'exclusion totale des lois de finances me semble excessive. Sans consulter sur le "
            "projet de loi de finances lui-même, dont les délais sont très serrés, on pourrait au "
            "moins soumettre à consultation les *orientations budgétaires* quelques mois avant. "
            "Plusieurs villes le font déjà pour leurs budgets participatifs."
        ),
    },
    {
        "key": "c22",
        "author": 3,
        "article": "4",
        "parent": "c21",
        "stance": "neutral",
        "body": (
            "أتفق جزئيا. آجال إعداد قانون المالية لا تسمح باستشارة واسعة في الخريف، لكن يمكن تنظيم "
            "استشارة في فصل الربيع حول البرمجة الميزانياتية الممتدة على ثلاث سنوات. المهم أن ينص "
            "القانون على ذلك صراحة بدل الاكتفاء بالاستثناء."
        ),
    },
    {
        "key": "c23",
        "author": 18,
        "article": "4",
        "parent": None,
        "stance": None,
        "body": (
            "سؤال للتوضيح: هل تشمل عبارة «مشاريع المراسيم التنظيمية» أيضا القرارات الوزارية "
            "والقرارات المشتركة؟ كثير من المقتضيات التي تمس المواطنين مباشرة، مثل شروط الحصول على "
            "بعض الرخص، ترد في قرارات وليس في مراسيم."
        ),
    },
    {
        "key": "c24",
        "author": 17,
        "article": "5",
        "parent": None,
        "stance": "for",
        "body": (
            "Bon article, qui gagnerait à fixer quelques exigences techniques minimales pour le "
            "portail :\n\n"
            "- publication des contributions en *données ouvertes* (CSV ou JSON), sous licence "
            "libre ;\n"
            "- respect des règles d'accessibilité WCAG, niveau AA au minimum ;\n"
            "- pages légères, utilisables en 3G dans les zones rurales ;\n"
            "- alerte par SMS à l'ouverture d'une consultation.\n\n"
            "J'ai détaillé ces points dans une note : [exigences techniques du "
            "portail](https://example.org/notes/portail-participation)."
        ),
    },
    {
        "key": "c25",
        "author": 5,
        "article": "5",
        "parent": "c24",
        "stance": "neutral",
        "body": (
            "ⵎⴰⵏⵉⴽ ⵔⴰⴷ ⵙⵙⵏⵏ ⵎⵉⴷⴷⵏ ⵏ ⵉⴷⵔⴰⵔⵏ ⵙ ⵓⵎⵙⴰⵡⴰⵍ ⴰⴷ ⵉⵖ ⵓⵔ ⵖⵓⵔⵙⵏ ⴰⵏⵜⵔⵏⵉⵜ? ⴳ ⵓⵖⵔⵎ ⵉⵏⵓ ⴳ ⵡⴰⵟⵍⴰⵙ, "
            "ⴰⵏⵜⵔⵏⵉⵜ ⵉⴷⵔⵓⵙ ⴱⵣⵣⴰⴼ."
        ),
    },
    {
        "key": "c26",
        "author": 21,
        "article": "5",
        "parent": "c25",
        "stance": "for",
        "body": (
            "هذا صحيح، خصوصا في المناطق الجبلية. يمكن إرسال رسائل نصية قصيرة تلخص المشروع وتحدد "
            "أقرب نقط الولوج، والاستعانة بالإذاعات الجهوية. كما يمكن لشباب متطوعين مرافقة المسنين "
            "في تسجيل ملاحظاتهم بمقرات الجماعات."
        ),
    },
    {
        "key": "c27",
        "author": 10,
        "article": "5",
        "parent": "c26",
        "stance": "for",
        "body": (
            "ⵉⵀ, ⵉⴼⵓⵍⴽⵉ ⵡⴰⵡⴰⵍ ⴰⴷ. ⵉⵇⵇⴰⵏ ⴰⴷ ⵏⵙⵙⵎⵔⵙ ⵜⵉⵎⵙⵎⵓⵏⵉⵏ ⵏ ⵉⵖⵔⵎⴰⵏ ⴷ ⵓⵔⴰⴷⵢⵓ ⴰⴷ ⵏⵙⵙⵍⴽⵎ ⵉⵙⴰⵍⴰⵏ ⵉ "
            "ⵎⵉⴷⴷⵏ ⵙ ⵜⵎⴰⵣⵉⵖⵜ. ⵏⴽⴽⵉ ⵀⵢⵢⴰⵖ ⴰⴷ ⵜⵜⴰⵡⵙⵖ."
        ),
    },
    {
        "key": "c28",
        "author": 8,
        "article": "5",
        "parent": None,
        "stance": "neutral",
        "body": (
            "أنا سيدة متقاعدة ولا أحسن استعمال الحاسوب، وقد ساعدتني حفيدتي على كتابة هذا التعليق. "
            "أتمنى أن تفتح فعلا نقط ولوج في مقرات الجماعات والقيادات، مع موظف يساعد الناس على "
            "تسجيل ملاحظاتهم كتابة أو شفويا، وإلا فإن فئة كبيرة من المواطنين ستبقى خارج هذه "
            "الاستشارات."
        ),
    },
    {
        "key": "c29",
        "author": 13,
        "article": "6",
        "parent": None,
        "stance": "against",
        "body": (
            "مدة ثلاثين يوما غير كافية بالنسبة للنصوص الطويلة أو التقنية، خاصة إذا صادفت العطلة "
            "الصيفية أو شهر رمضان. الجمعيات تحتاج إلى وقت لعقد اجتماعاتها الداخلية وصياغة مذكرة "
            "جماعية. أقترح رفع المدة الدنيا إلى ستين يوما."
        ),
    },
    {
        "key": "c30",
        "author": 1,
        "article": "6",
        "parent": "c29",
        "stance": "neutral",
        "body": (
            "Soixante jours pour tous les textes ralentirait fortement le travail législatif, y "
            "compris pour des textes très courts. Pourquoi ne pas moduler ? Par exemple :\n\n"
            "1. 30 jours minimum pour les décrets ;\n"
            "2. 45 jours pour les projets de loi ;\n"
            "3. 60 jours pour les codes et les réformes d'ensemble.\n\n"
            "Et ne pas décompter le mois d'août dans le délai."
        ),
    },
    {
        "key": "c31",
        "author": 26,
        "article": "6",
        "parent": "c30",
        "stance": "for",
        "body": (
            "30 ⵏ ⵡⵓⵙⵙⴰⵏ ⴷⵔⵓⵙⵏ ⵉ ⵜⵉⵎⵙⵎⵓⵏⵉⵏ ⵏ ⵉⵖⵔⵎⴰⵏ: ⵉⵇⵇⴰⵏ ⴰⵏⵖ ⴰⴷ ⵏⵎⵓⵏ, ⴰⴷ ⵏⵙⴰⵡⵍ, ⴰⴷ ⵏⴰⵔⵓ. ⴰⵡⴰⵍ ⵏ "
            "ⵓⵎⴷⴷⵓⴽⴽⵍ ⵏⵏⵖ ⵉⴼⵓⵍⴽⵉ: ⵙⵉⵏ ⵉⵢⵢⵉⵔⵏ ⵉ ⵉⵙⵍⴳⵏⵏ ⵉⵎⵇⵇⵓⵔⵏ."
        ),
    },
    {
        "key": "c32",
        "author": 13,
        "article": "6",
        "parent": "c31",
        "stance": "for",
        "body": (
            "شكرا على هذه الملاحظات. أقبل مقترح التدرج، وأقترح الصياغة الآتية للفقرة الأولى: «لا "
            "يجوز أن تقل مدة الاستشارة العمومية عن ثلاثين يوما بالنسبة لمشاريع المراسيم، وخمسة "
            "وأربعين يوما بالنسبة لمشاريع القوانين، وستين يوما بالنسبة لمشاريع المدونات»."
        ),
    },
    {
        "key": "c33",
        "author": 14,
        "article": "6",
        "parent": None,
        "stance": "against",
        "body": (
            "La procédure d'urgence de l'alinéa 2 est la vraie faille du texte : si elle n'est pas "
            "encadrée, elle deviendra la règle. Je propose que l'autorité consultante ne puisse y "
            "recourir plus de deux fois par an et que chaque recours soit signalé dans un rapport "
            "annuel au Parlement."
        ),
    },
    {
        "key": "c34",
        "author": 2,
        "article": "7",
        "parent": None,
        "stance": "for",
        "body": (
            "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴳⴰ ⵜⵓⵜⵍⴰⵢⵜ ⵜⵓⵏⵚⵉⴱⵜ. ⵉⴼⵓⵍⴽⵉ ⵓⵎⴳⵉⵔⴷ ⴰⴷ, ⵎⴰⵛⴰ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⴼⴼⵖ ⵓⴹⵕⵉⵚ ⵙ ⵜⵎⴰⵣⵉⵖⵜ ⴳ "
            "ⵢⴰⵏ ⵓⵣⵎⵣ ⴰⴽⴷ ⵜⵄⵔⴰⴱⵜ, ⵓⵔ ⴷ ⴷⴼⴼⵉⵔ ⵏ ⵢⴰⵏ ⵡⴰⵢⵢⵓⵔ."
        ),
    },
    {
        "key": "c35",
        "author": 7,
        "article": "7",
        "parent": "c34",
        "stance": "neutral",
        "body": (
            "Je soutiens la publication simultanée des versions arabe et amazighe. En revanche, "
            "pour beaucoup de Marocains de la deuxième génération en France, le français reste la "
            "langue de lecture la plus confortable. Une version française systématique, même non "
            "officielle, faciliterait notre participation."
        ),
    },
    {
        "key": "c36",
        "author": 25,
        "article": "7",
        "parent": "c35",
        "stance": "neutral",
        "body": (
            "أتفهم هذا الطلب، لكن الدستور يحدد لغتين رسميتين، ومن الطبيعي أن تكون الصيغتان العربية "
            "والأمازيغية هما المرجع. لا مانع من ترجمة فرنسية أو إسبانية أو هولندية على سبيل "
            "الإخبار، شريطة ألا يؤخر إعدادها نشر الصيغتين الرسميتين."
        ),
    },
    {
        "key": "c37",
        "author": 0,
        "article": "7",
        "parent": None,
        "stance": None,
        "body": (
            "هل ستقبل المساهمات المكتوبة بالدارجة أو بالحسانية؟ كثير من المواطنين يعبرون بهما "
            "بسهولة أكبر، وأحيانا بالحروف اللاتينية. أقترح التنصيص على قبولها صراحة، وعلى أن تتولى "
            "المصلحة المكلفة بالاستشارة تصنيفها مع باقي المساهمات."
        ),
    },
    {
        "key": "c38",
        "author": 28,
        "article": "7",
        "parent": "c37",
        "stance": "for",
        "body": (
            "Oui, et c'est d'ailleurs ce que semble dire l'alinéa 2 (« aucune contribution ne peut "
            "être déclarée irrecevable en raison de la langue ou de l'écriture »). Attention "
            "toutefois à la traduction automatique pour la synthèse : elle déforme souvent la "
            "darija et l'amazighe. Une relecture humaine devrait être obligatoire."
        ),
    },
    {
        "key": "c39",
        "author": 20,
        "article": "7 bis",
        "parent": None,
        "stance": "for",
        "body": (
            "ⵏⴽⴽⵉ ⵣⴷⵖⵖ ⴳ ⴱⵍⵊⵉⴽⴰ. ⵉⴼⵓⵍⴽⵉ ⵓⵎⴳⵉⵔⴷ ⴰⴷ. ⵎⴰⵛⴰ ⵉⵎⵖⵔⴰⴱⵉⵢⵏ ⵉⵣⴷⵖⵏ ⴳ ⵓⴱⵕⵕⴰ ⵔⴰⵏ ⴰⴷ ⵙⵙⵏⵏ ⵎⴰⵏⵉⴽ "
            "ⴰⴷ ⵜⵜⴽⴽⵉⵏ, ⴷ ⴰⴷ ⴰⵙⵏ ⴷ ⵍⴽⵎⵏ ⵉⵙⴰⵍⴰⵏ ⵙ ⵜⵎⴰⵣⵉⵖⵜ ⵓⵍⴰ ⵏⵜⵜⴰⵜ."
        ),
    },
    {
        "key": "c40",
        "author": 12,
        "article": "7 bis",
        "parent": None,
        "stance": "for",
        "body": (
            "Depuis Montréal, je salue cet article. Deux suggestions pratiques :\n\n"
            "- programmer les séances en ligne en *fin de semaine*, à des horaires compatibles "
            "avec l'Amérique du Nord (le décalage est de cinq à six heures) ;\n"
            "- permettre l'inscription sans numéro de téléphone marocain.\n\n"
            "Exemple de calendrier tenant compte des fuseaux horaires : [calendrier des "
            "séances](https://example.org/consultation/seances)."
        ),
    },
    {
        "key": "c41",
        "author": 25,
        "article": "7 bis",
        "parent": "c40",
        "stance": "neutral",
        "body": (
            "من إيطاليا: نادرا ما تصلنا أي معلومة من القنصليات حول الاستشارات العمومية. أقترح أن "
            "يلزم النص المراكز القنصلية بإرسال رسالة إلكترونية إلى المسجلين لديها عند افتتاح كل "
            "استشارة، وبنشر الإعلان في صفحاتها الرسمية."
        ),
    },
    {
        "key": "c42",
        "author": 7,
        "article": "7 bis",
        "parent": "c41",
        "stance": "for",
        "body": (
            "Je confirme, c'est la même chose en France. Et pour les jeunes nés ici qui lisent "
            "difficilement l'arabe, un résumé de quelques lignes en langage simple serait déjà un "
            "grand progrès."
        ),
    },
    {
        "key": "c43",
        "author": 27,
        "article": "8",
        "parent": None,
        "stance": "against",
        "body": (
            "تحديد سن المشاركة في ثماني عشرة سنة يقصي فئة واسعة من التلاميذ والشباب المهتمين "
            "بالشأن العام، خاصة في النصوص التي تهم التعليم أو الشباب. أقترح خفض السن إلى ست عشرة "
            "سنة، على الأقل في الاستشارات ذات الصلة بهم."
        ),
    },
    {
        "key": "c44",
        "author": 4,
        "article": "8",
        "parent": "c43",
        "stance": "for",
        "body": (
            "D'accord avec toi. Je suis étudiante et j'ai animé un club de citoyenneté au lycée : "
            "à 16 ans, on a déjà des choses à dire sur l'école, les transports ou le numérique. Ce "
            "serait aussi une bonne manière de pratiquer l'éducation civique."
        ),
    },
    {
        "key": "c45",
        "author": 16,
        "article": "8",
        "parent": "c44",
        "stance": "against",
        "body": (
            "أتفهم الفكرة، لكن معالجة معطيات القاصرين تثير إشكالات قانونية حقيقية، لأنها تتطلب في "
            "الغالب موافقة أولياء الأمور، كما أن خطر استغلال الحسابات أكبر. أفضل الإبقاء على سن "
            "الرشد، مع تنظيم استشارات خاصة بالشباب عبر المؤسسات التعليمية ودور الشباب."
        ),
    },
    {
        "key": "c46",
        "author": 4,
        "article": "8",
        "parent": "c45",
        "stance": "neutral",
        "body": (
            "Le compromis me convient, à condition que ces consultations « jeunes » soient "
            "réellement prises en compte et figurent dans le même rapport de synthèse, pas dans "
            "une annexe que personne ne lit."
        ),
    },
    {
        "key": "c47",
        "author": 9,
        "article": "8",
        "parent": None,
        "stance": None,
        "body": (
            "Question : sera-t-il possible de participer sous pseudonyme ? L'alinéa 1 n'exige "
            "qu'une adresse électronique, ce qui protège la vie privée mais facilite aussi les "
            "comptes multiples pour gonfler les votes. Comment le portail compte-t-il concilier "
            "les deux ?"
        ),
    },
    {
        "key": "c48",
        "author": 22,
        "article": "9",
        "parent": None,
        "stance": "for",
        "body": (
            "En tant que présidente d'une association de quartier à Marrakech, je considère que "
            "l'alinéa 2 est le cœur du texte. Trop souvent, nos mémorandums restent sans réponse. "
            "Je propose d'ajouter que la réponse est publiée *sous chaque recommandation*, et pas "
            "seulement noyée dans le rapport global."
        ),
    },
    {
        "key": "c49",
        "author": 15,
        "article": "9",
        "parent": "c48",
        "stance": "for",
        "body": (
            "ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵔⴰⵔ ⵜⵎⴰⵡⴰⵙⵜ ⵅⴼ ⴽⵓ ⴰⵙⵓⵎⵔ ⵏ ⵜⵎⵙⵎⵓⵏⵜ, ⵙ ⵜⵓⵜⵍⴰⵢⵜ ⵍⵍⵉ ⵙ ⵜ ⵜⵓⵔⴰ. ⵉⵖ ⵜⵓⵔⴰ ⵜⵎⵙⵎⵓⵏⵜ "
            "ⵙ ⵜⵎⴰⵣⵉⵖⵜ, ⵉⵇⵇⴰⵏ ⴰⴷ ⴰⵙ ⵜⵔⴰⵔ ⵙ ⵜⵎⴰⵣⵉⵖⵜ ⵓⵍⴰ ⵏⵜⵜⴰⵜ."
        ),
    },
    {
        "key": "c50",
        "author": 6,
        "article": "9",
        "parent": None,
        "stance": "against",
        "body": (
            "لماذا يقتصر هذا الضمان على الجمعيات؟ النقابات والهيئات المهنية والتعاونيات تقدم "
            "بدورها مقترحات مدروسة، ومن حقها أن تتلقى ردا معللا. أقترح تعويض كلمة «الجمعيات» "
            "بعبارة «الجمعيات والتعاونيات والهيئات المهنية والنقابية»."
        ),
    },
    {
        "key": "c51",
        "author": 11,
        "article": "10",
        "parent": None,
        "stance": "for",
        "body": (
            "التقرير التركيبي خطوة إيجابية. أقترح أن ينص القانون أيضا على نشر جميع المساهمات الخام "
            "بصيغة مفتوحة، مع إخفاء المعطيات الشخصية، حتى يتمكن أي شخص من التحقق من أن التقرير "
            "يعكس فعلا ما قاله المشاركون."
        ),
    },
    {
        "key": "c52",
        "author": 19,
        "article": "10",
        "parent": "c51",
        "stance": "against",
        "body": (
            "D'accord pour la publication brute. Mais le délai de 60 jours est trop long : dans "
            "les faits, le texte sera déjà parti au Conseil de gouvernement. Il faut inverser la "
            "logique et prévoir que *le projet ne peut être transmis qu'après la publication du "
            "rapport*."
        ),
    },
    {
        "key": "c53",
        "author": 28,
        "article": "10",
        "parent": None,
        "stance": "neutral",
        "body": (
            "Bonne idée de ventiler les statistiques par région, par sexe et par âge. Attention "
            "cependant aux petits effectifs : si seules deux personnes de plus de 65 ans ont "
            "participé depuis une région donnée, elles deviennent identifiables. Il faudrait un "
            "seuil en dessous duquel les chiffres sont regroupés, conformément à l'esprit de "
            "l'article 12."
        ),
    },
    {
        "key": "c54",
        "author": 26,
        "article": "11",
        "parent": None,
        "stance": "neutral",
        "body": (
            "ⵉⵇⵇⴰⵏ ⴰⴷ ⵙⵙⵏⵏ ⵡⵉⵍⵍⵉ ⵉⵜⵜⵖⵔⴰⵏ ⴰⵡⴰⵍ ⵏ ⵎⵉⴷⴷⵏ ⵜⴰⵎⴰⵣⵉⵖⵜ. ⵉⵖ ⵓⵔ ⵜⵜ ⵙⵙⵉⵏⵏ, ⵔⴰⴷ ⴽⴽⵙⵏ ⵜⵉⵔⵔⴰ ⵏⵏⵖ "
            "ⴰⵛⴽⵓ ⵓⵔ ⵜⵜ ⴼⵀⵎⵏ."
        ),
    },
    {
        "key": "c55",
        "author": 29,
        "article": "11",
        "parent": "c54",
        "stance": "for",
        "body": (
            "ملاحظة في محلها. وأضيف أن قرار السحب ينبغي ألا يتخذه مشرف واحد، بل أن يراجعه مشرف ثان "
            "يتقن لغة المساهمة، مع الاحتفاظ بسجل لجميع عمليات السحب يمكن الاطلاع عليه."
        ),
    },
    {
        "key": "c56",
        "author": 1,
        "article": "11",
        "parent": None,
        "stance": "against",
        "body": (
            "Le risque de censure est réel. La liste de l'alinéa 2 est raisonnable, mais le texte "
            "devrait préciser qu'une contribution ne peut jamais être retirée *au motif qu'elle "
            "critique le projet ou l'administration*. Et le réexamen doit être confié à une "
            "personne différente de celle qui a décidé le retrait."
        ),
    },
    {
        "key": "c57",
        "author": 5,
        "article": "12",
        "parent": None,
        "stance": None,
        "body": (
            "ⵔⵉⵖ ⴰⴷ ⵙⵙⵏⵖ ⵎⴰⵏⵉ ⵔⴰⴷ ⵇⵇⵉⵎⵏ ⵉⵙⴰⵍⴰⵏ ⵏⵏⵖ (ⵉⵙⵎ, ⵜⴰⵎⵏⴰⴹⵜ, ⵉⵙⴳⴳⵯⴰⵙⵏ) ⴷ ⵎⴰ ⵜⵏ ⵔⴰⴷ ⵉⵙⵙⵎⵔⵙⵏ. "
            "ⵎⴰⵢⴷ ⵔⴰⴷ ⴰⵙⵏ ⵉⵊⵕⵓⵏ ⵍⵍⵉⵖ ⵉⴽⵎⵎⵍ ⵓⵎⵙⴰⵡⴰⵍ?"
        ),
    },
    {
        "key": "c58",
        "author": 24,
        "article": "12",
        "parent": "c57",
        "stance": "neutral",
        "body": (
            "Bonne question. La loi 09-08 impose déjà une déclaration du traitement ainsi que des "
            "droits d'accès et de rectification. Ce qui manque ici :\n\n"
            "- une *durée de conservation* maximale, par exemple deux ans après la publication du "
            "rapport ;\n"
            "- l'interdiction de réutiliser les adresses électroniques à d'autres fins ;\n"
            "- la possibilité de supprimer son compte et ses contributions tant que la synthèse "
            "n'est pas publiée."
        ),
    },
    {
        "key": "c59",
        "author": 21,
        "article": "12",
        "parent": "c58",
        "stance": "neutral",
        "body": (
            "وماذا عن عناوين IP وسجلات الاتصال؟ ينبغي أن يحدد النص مدة الاحتفاظ بها أيضا، وأن يمنع "
            "استعمالها لأي غرض غير حماية البوابة من الهجمات والحسابات الوهمية."
        ),
    },
    {
        "key": "c60",
        "author": 18,
        "article": "12",
        "parent": None,
        "stance": "for",
        "body": (
            "أؤيد الفقرة الأخيرة التي تترك للمشارك حرية اختيار الاسم الذي تنشر به مساهماته. كثير "
            "من النساء، خاصة في المدن الصغيرة، يترددن في التعبير عن آرائهن بأسمائهن الكاملة."
        ),
    },
    {
        "key": "c61",
        "author": 9,
        "article": "13",
        "parent": None,
        "stance": "against",
        "body": (
            "Six mois, c'est réaliste pour les ministères, pas pour les collectivités "
            "territoriales. Je propose une entrée en vigueur échelonnée : six mois pour l'État et "
            "les établissements publics, dix-huit mois pour les régions, vingt-quatre mois pour "
            "les communes de moins de 50 000 habitants."
        ),
    },
    {
        "key": "c62",
        "author": 23,
        "article": "13",
        "parent": "c61",
        "stance": "for",
        "body": (
            "أؤيد هذا المقترح، وأضيف ضرورة إصدار النص التنظيمي المتعلق بالبوابة قبل دخول القانون "
            "حيز التنفيذ، وإلا سنجد أنفسنا أمام قانون نافذ دون أداة لتطبيقه."
        ),
    },
]


# Comments on CLOSED_CONSULTATION (articles 1 to 5 of CLOSED_DRAFT_*).
CLOSED_COMMENTS: list[dict[str, Any]] = [
    {
        "key": "cc1",
        "author": 18,
        "article": "1",
        "parent": None,
        "stance": "for",
        "body": (
            "رؤية طموحة، لكن يجب أن تشمل صراحة شباب الأقاليم الجنوبية وشباب الواحات، وأن تحدد "
            "أهدافا رقمية لكل جهة حتى يمكن قياس التقدم."
        ),
    },
    {
        "key": "cc2",
        "author": 4,
        "article": "2",
        "parent": None,
        "stance": "for",
        "body": (
            "Des conseils de jeunes, oui, mais avec un *vrai budget* et un droit de réponse de la "
            "commune. Sans cela, ils deviendront des vitrines. Le tirage au sort est une "
            "excellente idée pour éviter les mêmes profils habituels."
        ),
    },
    {
        "key": "cc3",
        "author": 21,
        "article": "2",
        "parent": "cc2",
        "stance": "for",
        "body": (
            "أتفق تماما. أقترح ألا يقل الاعتماد السنوي المخصص لمجلس الشباب عن نسبة محددة من "
            "ميزانية الاستثمار للجماعة، وأن تنشر المشاريع الممولة في البوابة."
        ),
    },
    {
        "key": "cc4",
        "author": 11,
        "article": "3",
        "parent": None,
        "stance": "neutral",
        "body": (
            "التربية الرقمية يجب أن تتضمن أيضا التحقق من الأخبار ومواجهة التضليل، وليس فقط استعمال "
            "المنصات. الشباب يتلقون معظم معلوماتهم عبر شبكات التواصل الاجتماعي."
        ),
    },
    {
        "key": "cc5",
        "author": 10,
        "article": "4",
        "parent": None,
        "stance": "for",
        "body": (
            "ⵉⵍⵎⵥⵢⴰⵏ ⵏ ⵉⵖⵔⵎⴰⵏ ⵔⴰⵏ ⴰⴷ ⵜⵜⴽⴽⵉⵏ, ⵎⴰⵛⴰ ⵉⵇⵇⴰⵏ ⴰⵙⵏ ⵜⵉⴷⴷⴰⵔ ⵏ ⵉⵍⵎⵥⵢⴰⵏ ⵙ ⵓⵏⵜⵔⵏⵉⵜ ⴷ ⵉⵎⵙⵡⵓⵔⵉⵢⵏ "
            "ⵍⵍⵉ ⵙⵙⵏⵏⵉⵏ ⵜⴰⵎⴰⵣⵉⵖⵜ."
        ),
    },
    {
        "key": "cc6",
        "author": 12,
        "article": "5",
        "parent": None,
        "stance": "against",
        "body": (
            "Les indicateurs restent trop vagues. Quelques propositions mesurables :\n\n"
            "- taux de participation des 18-34 ans aux consultations, par région ;\n"
            "- part des recommandations des conseils de jeunes effectivement reprises ;\n"
            "- nombre de maisons de jeunes équipées d'un accès internet.\n\n"
            "Voir aussi la grille proposée ici : "
            "[indicateurs](https://example.org/jeunesse/indicateurs)."
        ),
    },
    {
        "key": "cc7",
        "author": 27,
        "article": "5",
        "parent": "cc6",
        "stance": "for",
        "body": (
            "مقترحات جيدة، وأضيف مؤشرا حول نسبة الشابات في المجالس المحلية للشباب، ومؤشرا حول "
            "مشاركة الشباب في وضعية إعاقة."
        ),
    },
    {
        "key": "cc8",
        "author": 23,
        "article": None,
        "parent": None,
        "stance": "against",
        "body": (
            "أغلقت هذه الاستشارة في فترة الامتحانات، وهو ما حرم عددا كبيرا من الطلبة والتلاميذ من "
            "المشاركة في استشارة تعنيهم أولا. كان ينبغي مراعاة الجدولة الجامعية."
        ),
    },
    {
        "key": "cc9",
        "author": 1,
        "article": None,
        "parent": "cc8",
        "stance": "neutral",
        "body": (
            "Remarque très juste. Pour les prochaines consultations ciblant les jeunes, il "
            "faudrait éviter mai-juin et prévoir au minimum 45 jours, conformément à l'esprit du "
            "projet de loi 00-26 actuellement en consultation."
        ),
    },
]


# Votes are not listed: the seeder generates them deterministically from this seed
# (e.g. random.Random(VOTE_SEED)), so every reseed yields the same tallies.
VOTE_SEED: int = 2026
