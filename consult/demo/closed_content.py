"""Invented contributions, citizens and recommendations for the demo's closed consultation.

Everything here is fictional, written for the demonstration of the synthesis workspace: the
contributions fall on six subjects, in French, Arabic and Tamazight (Tifinagh), with one
campaign (the same paragraph sent by many people) and a small group of three copies.
"""

from typing import Any

# --- Generated citizens -----------------------------------------------------------------------
# The seeder combines these pools deterministically; (given name, gender) then family names.

GIVEN_NAMES: dict[str, list[tuple[str, str]]] = {
    "fr": [
        ("Imane", "female"),
        ("Anas", "male"),
        ("Kenza", "female"),
        ("Othmane", "male"),
        ("Ghita", "female"),
        ("Hamza", "male"),
        ("Yasmine", "female"),
        ("Zakaria", "male"),
        ("Meryem", "female"),
        ("Ilyas", "male"),
        ("Rania", "female"),
        ("Adam", "male"),
    ],
    "ar": [
        ("أسماء", "female"),
        ("بلال", "male"),
        ("هاجر", "female"),
        ("إسماعيل", "male"),
        ("سكينة", "female"),
        ("عثمان", "male"),
        ("وئام", "female"),
        ("طارق", "male"),
        ("شيماء", "female"),
        ("ياسين", "male"),
        ("إكرام", "female"),
        ("حمزة", "male"),
    ],
    "zgh": [
        ("ⵜⵉⴼⴰⵡⵜ", "female"),
        ("ⵎⴰⵙⵉⵏⵉⵙⴰ", "male"),
        ("ⴷⵉⵀⵢⴰ", "female"),
        ("ⴰⴽⵙⵉⵍ", "male"),
        ("ⵜⴰⵎⵉⵔⵜ", "female"),
        ("ⴰⵏⴰⵔ", "male"),
        ("ⵜⵉⵍⵉⵍⵍⵉ", "female"),
        ("ⵎⴰⵙⵉⵍ", "male"),
    ],
}

FAMILY_NAMES: dict[str, list[str]] = {
    "fr": [
        "Alaoui",
        "Bennis",
        "Chafik",
        "Daoudi",
        "Fassi",
        "Guessous",
        "Hajji",
        "Jabri",
        "Lahlou",
        "Mansouri",
        "Naciri",
        "Ouali",
        "Rami",
        "Sqalli",
        "Tahiri",
        "Zniber",
    ],
    "ar": [
        "البقالي",
        "الجراري",
        "الحلوي",
        "الدكالي",
        "الزموري",
        "السوسي",
        "الطاهري",
        "العمراني",
        "الفيلالي",
        "القادري",
        "المنصوري",
        "الناصري",
        "الوزاني",
        "اليعقوبي",
    ],
    "zgh": ["ⴰⵜ ⵓⵎⴰⵔ", "ⵓⵀⴰⵎⵎⵓ", "ⴰⵜ ⵍⵃⵓⵙⵉⵏ", "ⵓⴱⵓⵣⵉⴷ", "ⵏⴰⵢⵜ ⴱⵍⴰⵍ", "ⴰⵎⴰⵣⵉⵖ"],
}

#: How many citizens of each interface language the seeder generates (80 in all).
GENERATED_PER_LOCALE: dict[str, int] = {"fr": 34, "ar": 32, "zgh": 14}

#: Weights of the profile answers; None is "not answered", "undisclosed" "prefer not to say".
AGE_WEIGHTS: dict[str | None, int] = {
    "18-24": 30,
    "25-34": 34,
    "35-44": 12,
    "45-54": 6,
    "55-64": 3,
    "65+": 1,
    "undisclosed": 6,
    None: 8,
}
GENDER_WEIGHTS: dict[str | None, int] = {"named": 88, "undisclosed": 7, None: 5}
REGION_WEIGHTS: dict[str | None, int] = {
    "casablanca-settat": 14,
    "rabat-sale-kenitra": 11,
    "fes-meknes": 8,
    "marrakech-safi": 8,
    "tanger-tetouan-al-hoceima": 7,
    "souss-massa": 8,
    "oriental": 5,
    "beni-mellal-khenifra": 6,
    "draa-tafilalet": 5,
    "guelmim-oued-noun": 3,
    "laayoune-sakia-el-hamra": 3,
    "dakhla-oued-ed-dahab": 2,
    "abroad": 10,
    "undisclosed": 4,
    None: 4,
}
ABROAD_COUNTRIES: list[str] = ["FR", "ES", "BE", "NL", "IT", "DE", "CA", "US", "AE"]


# --- Subjects and opinion camps ---------------------------------------------------------------

SUBJECTS: list[str] = ["councils", "digital", "jobs", "funding", "women", "spaces"]

#: Camps of voters: share of voters, then (agree, disagree) probabilities by subject; the rest
#: of the time a camp member passes. "campaign" is the campaign's comments.
CAMPS: dict[str, dict[str, Any]] = {
    "local_democracy": {
        "share": 40,
        "votes": {
            "campaign": (0.9, 0.05),
            "councils": (0.85, 0.1),
            "funding": (0.75, 0.15),
            "jobs": (0.15, 0.75),
            "digital": (0.5, 0.2),
            "women": (0.7, 0.15),
            "spaces": (0.6, 0.2),
        },
    },
    "jobs_first": {
        "share": 35,
        "votes": {
            "campaign": (0.05, 0.85),
            "councils": (0.15, 0.75),
            "funding": (0.2, 0.65),
            "jobs": (0.9, 0.05),
            "digital": (0.7, 0.15),
            "women": (0.6, 0.25),
            "spaces": (0.5, 0.3),
        },
    },
    "rural_access": {
        "share": 25,
        "votes": {
            "campaign": (0.4, 0.4),
            "councils": (0.35, 0.35),
            "funding": (0.45, 0.3),
            "jobs": (0.5, 0.3),
            "digital": (0.9, 0.05),
            "women": (0.6, 0.2),
            "spaces": (0.85, 0.05),
        },
    },
}
#: Everyone agrees with a comment marked consensus this often.
CONSENSUS_AGREE: float = 0.92
#: Votes each voter casts: between these bounds.
VOTES_PER_VOTER: tuple[int, int] = (10, 26)


# --- Contributions ----------------------------------------------------------------------------
# key, subject, article ("1".."5" or None), stance, parent key or None, body; "consensus"
# marks the few comments every camp agrees with. Authors are generated citizens whose
# interface language is the comment's, in turn.


def _c(key, subject, article, stance, body, parent=None, consensus=False) -> dict[str, Any]:
    return {
        "key": key,
        "subject": subject,
        "article": article,
        "stance": stance,
        "parent": parent,
        "body": body,
        "consensus": consensus,
    }


CONTRIBUTIONS: list[dict[str, Any]] = [
    # Local youth councils (article 2) -----------------------------------------------------
    _c(
        "y1",
        "councils",
        "2",
        "for",
        "Le conseil de jeunes doit être consulté avant le vote du programme d'action de la "
        "commune, pas après. Sinon on nous demande notre avis sur des décisions déjà prises.",
    ),
    _c(
        "y2",
        "councils",
        "2",
        "neutral",
        "Le tirage au sort me semble juste, mais il faut un mandat court, deux ans au maximum, "
        "pour que d'autres jeunes puissent siéger à leur tour.",
        parent="y1",
    ),
    _c(
        "y3",
        "councils",
        "2",
        "for",
        "Dans ma commune il existe déjà un conseil de jeunes depuis 2022. Il ne s'est réuni que "
        "trois fois et aucune de ses propositions n'a reçu de réponse écrite. La stratégie doit "
        "obliger la commune à répondre à chaque avis, avec ses raisons.",
    ),
    _c(
        "y4",
        "councils",
        "2",
        "against",
        "Pourquoi seulement les communes volontaires ? Les communes qui ne veulent pas entendre "
        "les jeunes sont justement celles où un conseil serait le plus utile.",
    ),
    _c(
        "y5",
        "councils",
        "2",
        "for",
        "Proposition : que le président du conseil communal rencontre le conseil de jeunes en "
        "séance publique deux fois par an, avec un compte rendu publié sur le site de la commune.",
    ),
    _c(
        "y6",
        "councils",
        "1",
        "for",
        "L'objectif d'un moyen de participation pour chaque jeune est bon. Le conseil local de "
        "jeunes est le plus concret de ces moyens, il faut en faire le cœur de la stratégie.",
    ),
    _c(
        "y7",
        "councils",
        "2",
        "neutral",
        "Comment seront choisies les candidatures avant le tirage au sort ? Il faudrait des "
        "critères publics et un appel diffusé dans les lycées, les universités et les souks.",
    ),
    _c(
        "y8",
        "councils",
        "2",
        "for",
        "مجلس الشباب بالجماعة فكرة جيدة، لكن يجب أن يكون رأيه إلزاميا في المشاريع التي تهم "
        "الشباب مباشرة، مثل الملاعب ودور الشباب والنقل المدرسي.",
    ),
    _c(
        "y9",
        "councils",
        "2",
        "for",
        "أقترح أن تعقد دورات مجلس الشباب بشكل علني وأن تبث مباشرة على صفحة الجماعة، حتى يتابع "
        "باقي الشباب ما يناقش باسمهم.",
    ),
    _c(
        "y10",
        "councils",
        "2",
        "against",
        "القرعة وحدها لا تكفي. كثير من الشباب لا يعلمون أصلا بفتح باب الترشيح، فتعود المقاعد لنفس "
        "الأسماء المعروفة في الجمعيات القريبة من المنتخبين.",
    ),
    _c(
        "y11",
        "councils",
        "2",
        "neutral",
        "صحيح، لذلك يجب الإعلان عن الترشيحات في المدارس والثانويات ودور الشباب وعبر الرسائل "
        "النصية، وليس فقط في مقر الجماعة.",
        parent="y10",
    ),
    _c(
        "y12",
        "councils",
        "1",
        "for",
        "الثقة في المؤسسات لا تبنى بالخطابات. عندما يرى الشاب أن اقتراحه في مجلس الجماعة تحول "
        "إلى مشروع حقيقي، سيشارك من جديد ويقنع أصدقاءه بالمشاركة.",
    ),
    _c(
        "y13",
        "councils",
        "2",
        "for",
        "يجب تعميم المجالس على جميع الجماعات في أجل محدد، مثلا قبل 2028، وعدم تركها لإرادة "
        "الجماعات وحدها.",
    ),
    _c(
        "y14",
        "councils",
        "5",
        "for",
        "ينبغي أن يختار أعضاء المجالس المحلية للشباب ممثليهم في لجنة التتبع بأنفسهم، لا أن تعينهم "
        "الإدارة.",
    ),
    _c(
        "y15",
        "councils",
        "2",
        "for",
        "ⴰⵙⵇⵇⵉⵎⵓ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⴳ ⵜⵊⵎⴰⵄⵜ ⵉⵍⴰⵇ ⴰⴷ ⵉⵙⵙⵉⵡⵍ ⵙ ⵜⵎⴰⵣⵉⵖⵜ ⴷ ⵜⵄⵔⴰⴱⵜ, ⴷ ⴰⴷ ⵜⵔⴰⵔ ⵜⵊⵎⴰⵄⵜ "
        "ⵅⴼ ⴽⵓ ⴰⵙⵓⵎⵔ ⵏⵏⵙ.",
    ),
    _c(
        "y16",
        "councils",
        "2",
        "neutral",
        "ⵎⴰⵏⵉ ⴰⵔ ⵜⵜⵎⵓⵏⵏⵓⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⵏ ⵉⵖⵔⵎⴰⵏ ⵉⵣⵡⵉⵔⵏ? ⵉⵍⴰⵇ ⴰⴷ ⵉⵜⵜⵓⵎⵓⵏ ⵓⵙⵇⵇⵉⵎⵓ ⴽⵓ ⵜⴰⵍⵜ ⴳ ⵢⴰⵏ "
        "ⵓⵖⵔⵎ ⵢⴰⴹⵏ.",
    ),
    _c(
        "y17",
        "councils",
        "5",
        "for",
        "ⵉⵍⴰⵇ ⴰⴷ ⵜⵜⵓⵙⵙⵓⴼⵖⵏ ⵉⴳⵏⵓⵏⵏ ⵏ ⵓⵙⵇⵇⵉⵎⵓ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⴳ ⵓⵙⵎⴰⵍ ⵏ ⵜⵊⵎⴰⵄⵜ, ⵙ ⴽⵕⴰⴹ ⵏ ⵜⵓⵜⵍⴰⵢⵉⵏ.",
    ),
    # Digital access and connectivity (articles 3 and 4) -----------------------------------
    _c(
        "d1",
        "digital",
        "4",
        "for",
        "Dans les douars de la province d'Azilal, le réseau mobile passe à peine. Équiper la "
        "maison de jeunes du chef-lieu ne suffit pas : il faut des points d'accès wifi publics "
        "dans les écoles et les dispensaires.",
        consensus=True,
    ),
    _c(
        "d2",
        "digital",
        "4",
        "for",
        "Un point d'accueil pour les consultations, très bien, mais avec une personne formée "
        "pour aider ceux qui n'ont jamais créé de compte en ligne.",
    ),
    _c(
        "d3",
        "digital",
        "3",
        "neutral",
        "Les modules numériques devraient apprendre à vérifier une information et à protéger "
        "ses données personnelles, pas seulement à utiliser les applications administratives.",
    ),
    _c(
        "d4",
        "digital",
        "4",
        "for",
        "La connexion coûte cher pour un étudiant. Pourquoi ne pas négocier avec les opérateurs "
        "une carte de données gratuite ou à prix réduit pour les jeunes inscrits en formation ?",
    ),
    _c(
        "d5",
        "digital",
        "4",
        "neutral",
        "L'accès à internet ne sert à rien sans ordinateurs. Les maisons de jeunes rurales que je "
        "connais n'ont même pas une imprimante qui fonctionne.",
        parent="d1",
    ),
    _c(
        "d6",
        "digital",
        "3",
        "for",
        "Il faudrait que la plateforme de consultation fonctionne bien sur un téléphone bas de "
        "gamme et avec une connexion lente : c'est l'équipement de la majorité des jeunes.",
    ),
    _c(
        "d7",
        "digital",
        "4",
        "for",
        "Je vis à Errachidia et je fais 40 minutes de route pour avoir une connexion stable. "
        "L'article 4 devrait fixer un objectif chiffré : toutes les maisons de jeunes connectées "
        "en haut débit d'ici 2027.",
    ),
    _c(
        "d8",
        "digital",
        "4",
        "for",
        "في الدواوير الجبلية لا توجد تغطية كافية بشبكة الهاتف. لا يمكن الحديث عن مشاركة رقمية "
        "للشباب القروي قبل حل مشكل الربط بالإنترنت.",
        consensus=True,
    ),
    _c(
        "d9",
        "digital",
        "4",
        "for",
        "أقترح تجهيز المدارس الجماعاتية بنقط ولوج مجانية إلى الإنترنت تفتح للشباب بعد ساعات "
        "الدراسة وخلال العطل.",
    ),
    _c(
        "d10",
        "digital",
        "3",
        "neutral",
        "التكوين الرقمي يجب أن يشمل أيضا الأمن الرقمي وحماية المعطيات الشخصية، خاصة للفتيات "
        "اللواتي يتعرضن للتحرش عبر الإنترنت.",
    ),
    _c(
        "d11",
        "digital",
        "4",
        "for",
        "ثمن الإنترنت مرتفع بالنسبة لشاب عاطل عن العمل. يمكن للدولة أن تتفاوض مع شركات الاتصالات "
        "على باقة مخفضة للشباب.",
    ),
    _c(
        "d12",
        "digital",
        "4",
        "neutral",
        "القافلة مرة في السنة لا تكفي. الأفضل فضاء دائم في كل جماعة قروية، ولو صغير، مع مؤطر "
        "يساعد الشباب على استعمال المنصات العمومية.",
        parent="d8",
    ),
    _c(
        "d13",
        "digital",
        "3",
        "for",
        "يجب أن تكون منصة الاستشارات سهلة على الهاتف المحمول وخفيفة، لأن أغلب الشباب لا يملكون "
        "حاسوبا.",
    ),
    _c(
        "d14",
        "digital",
        "4",
        "for",
        "ⴳ ⵉⵖⵔⵎⴰⵏ ⵏ ⵓⴷⵔⴰⵔ ⵓⵔ ⵉⵍⵍⵉ ⵓⵏⵜⵔⵏⵉⵜ. ⵉⵍⴰⵇ ⴰⴷ ⵜⵜⵓⵙⵡⵓⴷⴷⵓⵏ ⵜⵉⴷⴷⴰⵔ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⵙ ⵓⵏⵜⵔⵏⵉⵜ ⴷ "
        "ⵉⵎⵙⵡⵓⵔⵉⵢⵏ.",
        consensus=True,
    ),
    _c(
        "d15",
        "digital",
        "3",
        "for",
        "ⵉⵍⴰⵇ ⴰⴷ ⵉⵍⵉⵏ ⵉⵙⵍⵎⴰⴷ ⵏ ⵓⵏⵜⵔⵏⵉⵜ ⵙ ⵜⵎⴰⵣⵉⵖⵜ, ⵎⴰⵛⴰ ⵓⵔ ⴷ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ ⵖⴰⵙ.",
    ),
    _c(
        "d16",
        "digital",
        "4",
        "neutral",
        "ⴰⵏⵜⵔⵏⵉⵜ ⵉⵖⵍⴰ ⴰⵟⵟⴰⵚ ⵉ ⵉⵎⵥⵥⵢⴰⵏⵏ ⵓⵔ ⵉⵙⵄⵉⵏ ⵜⴰⵡⵓⵔⵉ. ⵉⵍⴰⵇ ⵢⴰⵏ ⵓⵙⵎⵔⵙ ⵙ ⵡⴰⵜⵉⴳ ⵉⴷⵔⵓⵙⵏ.",
    ),
    # Employment and training first ----------------------------------------------------------
    _c(
        "j1",
        "jobs",
        None,
        "against",
        "Avec tout le respect dû aux auteurs, les jeunes de mon quartier ne demandent pas un "
        "conseil consultatif de plus : ils demandent un emploi. Une stratégie jeunesse sans "
        "volet emploi ne répond pas à la première préoccupation.",
    ),
    _c(
        "j2",
        "jobs",
        "1",
        "against",
        "Les trois objectifs de l'article 1 oublient l'insertion professionnelle. La confiance "
        "dans les institutions viendra quand les jeunes verront des débouchés concrets.",
    ),
    _c(
        "j3",
        "jobs",
        "3",
        "for",
        "Les centres de formation professionnelle sont cités à l'article 3 : profitons-en pour y "
        "ajouter des stages dans les administrations locales, rémunérés, ouverts aux jeunes des "
        "conseils comme aux autres.",
    ),
    _c(
        "j4",
        "jobs",
        None,
        "against",
        "L'argent prévu pour les microprojets des conseils serait plus utile en bourses de "
        "formation aux métiers qui recrutent : logistique, énergie solaire, tourisme rural.",
    ),
    _c(
        "j5",
        "jobs",
        None,
        "neutral",
        "Je ne suis pas d'accord : les deux vont ensemble. Un jeune qui apprend à monter un "
        "projet dans un conseil acquiert aussi des compétences utiles pour travailler.",
        parent="j1",
    ),
    _c(
        "j6",
        "jobs",
        "1",
        "against",
        "La participation c'est bien, mais un diplômé chômeur de 29 ans a d'autres urgences. "
        "Il faudrait au moins lier chaque conseil de jeunes à l'agence locale pour l'emploi.",
    ),
    _c(
        "j7",
        "jobs",
        "3",
        "for",
        "Les maisons de jeunes pourraient accueillir des permanences d'orientation "
        "professionnelle une fois par semaine : CV, entretiens, création d'entreprise.",
    ),
    _c(
        "j8",
        "jobs",
        None,
        "against",
        "الشباب في حيي لا يطلبون مجلسا استشاريا جديدا بل فرصة عمل. استراتيجية للشباب لا تتضمن "
        "محورا للتشغيل تبقى ناقصة.",
    ),
    _c(
        "j9",
        "jobs",
        "1",
        "against",
        "الأهداف الثلاثة في المادة الأولى لا تذكر الإدماج المهني، مع أن البطالة هي السبب الأول "
        "لعزوف الشباب عن الشأن العام.",
    ),
    _c(
        "j10",
        "jobs",
        "3",
        "for",
        "أقترح ربط وحدات التربية على المواطنة بتداريب مؤدى عنها داخل الجماعات والمؤسسات "
        "العمومية، حتى يكتسب الشباب تجربة مهنية حقيقية.",
    ),
    _c(
        "j11",
        "jobs",
        None,
        "against",
        "الأموال المخصصة للمشاريع الصغيرة للمجالس من الأفضل أن تذهب إلى منح التكوين في المهن "
        "المطلوبة في سوق الشغل.",
    ),
    _c(
        "j12",
        "jobs",
        "1",
        "neutral",
        "لا تعارض بين المشاركة والتشغيل. الشاب الذي يتعلم تدبير مشروع داخل مجلس الشباب يكتسب "
        "مهارات تفيده في عمله.",
        parent="j9",
    ),
    _c(
        "j13",
        "jobs",
        None,
        "against",
        "أنا خريج منذ ثلاث سنوات ولم أجد عملا. كيف تطلبون مني المشاركة في الاستشارات وأنا لا أجد "
        "ثمن التنقل إلى المدينة؟",
    ),
    _c(
        "j14",
        "jobs",
        "3",
        "for",
        "ⵉⵎⵥⵥⵢⴰⵏⵏ ⵔⴰⵏ ⵜⴰⵡⵓⵔⵉ ⵣⵡⴰⵔ. ⵉⵍⴰⵇ ⴰⴷ ⵉⵍⵉⵏ ⵉⵙⵍⵎⴰⴷ ⵏ ⵜⵡⵓⵔⵉ ⴳ ⵜⵉⴷⴷⴰⵔ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ.",
    ),
    _c(
        "j15",
        "jobs",
        None,
        "against",
        "ⴰⴷⵔⵉⵎ ⵏ ⵉⵙⵇⵇⵉⵎⵓⵜⵏ ⵢⵓⴼ ⴰⴷ ⵉⴷⴷⵓ ⵙ ⵓⵙⵍⵎⴷ ⵏ ⵜⵡⵓⵔⵉ ⴷ ⵉⵎⵙⵏⴰⵡⵏ ⵉⵎⴰⵢⵏⵓⵜⵏ.",
    ),
    _c(
        "j16",
        "jobs",
        "1",
        "against",
        "ⵜⴰⵙⵜⵔⴰⵜⵉⵊⵉⵜ ⴰⴷ ⵓⵔ ⵜⵙⵙⵉⵡⵍ ⵅⴼ ⵜⵡⵓⵔⵉ. ⵎⴰⵏⵉ ⵙ ⵔⴰⴷ ⵜⵜⴽⴽⵉⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⵓⵔ ⵉⵙⵄⵉⵏ ⵜⴰⵡⵓⵔⵉ?",
    ),
    # Funding of youth associations ----------------------------------------------------------
    _c(
        "f1",
        "funding",
        None,
        "for",
        "Les petites associations de jeunes n'obtiennent jamais de subvention : les dossiers "
        "sont trop lourds et les critères inconnus. Il faut un guichet simplifié pour les "
        "demandes de moins de 20 000 dirhams.",
    ),
    _c(
        "f2",
        "funding",
        "2",
        "for",
        "Les microprojets financés par la dotation devraient pouvoir être portés par une "
        "association de jeunes ou par un groupe informel, sans exiger un statut déposé.",
    ),
    _c(
        "f3",
        "funding",
        None,
        "for",
        "Publier chaque année la liste des associations subventionnées par la commune, avec les "
        "montants et les projets : c'est la meilleure protection contre le clientélisme.",
    ),
    _c(
        "f4",
        "funding",
        None,
        "neutral",
        "Les subventions arrivent souvent en novembre pour des activités d'été. Un calendrier "
        "fixe de versement changerait tout pour nos associations.",
        parent="f1",
    ),
    _c(
        "f5",
        "funding",
        "5",
        "for",
        "Le rapport annuel devrait indiquer le montant total versé aux associations de jeunes, "
        "par région, et la part consommée de la dotation des conseils.",
    ),
    _c(
        "f6",
        "funding",
        None,
        "for",
        "تعاني جمعيات الشباب الصغيرة من تعقيد مساطر الدعم العمومي. نطالب بملف مبسط للمشاريع التي "
        "يقل مبلغها عن عشرين ألف درهم.",
    ),
    _c(
        "f7",
        "funding",
        None,
        "for",
        "يجب نشر لائحة الجمعيات المستفيدة من دعم الجماعة كل سنة مع المبالغ والمشاريع، حتى ينتهي "
        "منطق الزبونية في توزيع المنح.",
    ),
    _c(
        "f8",
        "funding",
        "2",
        "for",
        "الاعتماد السنوي لمجلس الشباب يجب أن يكون مبلغا واضحا في ميزانية الجماعة، لا وعدا يتغير "
        "كل سنة.",
    ),
    _c(
        "f9",
        "funding",
        None,
        "neutral",
        "يصل الدعم غالبا متأخرا بعد انتهاء الأنشطة الصيفية. نحتاج إلى أجندة قارة لصرف المنح.",
        parent="f6",
    ),
    _c(
        "f10",
        "funding",
        None,
        "for",
        "جمعيتنا في إقليم تنغير تؤطر أكثر من مئتي شاب بدون أي دعم منذ ثلاث سنوات. نقترح صندوقا "
        "جهويا خاصا بجمعيات الشباب في العالم القروي.",
    ),
    _c(
        "f11",
        "funding",
        None,
        "for",
        "ⵜⵉⵎⵙⵎⵓⵏⵉⵏ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⴳ ⵉⵖⵔⵎⴰⵏ ⵓⵔ ⵜⵜⴰⵡⵙⵏⵜ ⴰⴷⵔⵉⵎ. ⵉⵍⴰⵇ ⴰⴷ ⵉⵍⵉⵏ ⵓⵙⵎⵔⵙ ⴰⵎⴰⵢⵏⵓ "
        "ⵉ ⵜⵎⵙⵎⵓⵏⵉⵏ ⵜⵉⵎⵥⵥⵢⴰⵏⵉⵏ.",
    ),
    _c(
        "f12",
        "funding",
        None,
        "for",
        "ⵉⵍⴰⵇ ⴰⴷ ⵜⵙⵙⵓⴼⵖ ⵜⵊⵎⴰⵄⵜ ⴽⵓ ⴰⵙⴳⴳⵯⴰⵙ ⵉⵙⵎⴰⵡⵏ ⵏ ⵜⵎⵙⵎⵓⵏⵉⵏ ⵍⵍⵉ ⵢⵓⵎⵥⵏ ⴰⴷⵔⵉⵎ.",
    ),
    # Representation of young women ----------------------------------------------------------
    _c(
        "w1",
        "women",
        "2",
        "for",
        "La parité au tirage au sort est nécessaire, mais elle ne suffit pas : dans beaucoup de "
        "communes rurales, les jeunes filles ne peuvent pas sortir le soir pour les réunions. "
        "Les séances doivent avoir lieu en journée.",
        consensus=True,
    ),
    _c(
        "w2",
        "women",
        "1",
        "for",
        "Réduire l'écart entre jeunes femmes et jeunes hommes est un bon objectif. Il faut le "
        "chiffrer : par exemple 45 % de participantes aux consultations locales d'ici 2028.",
    ),
    _c(
        "w3",
        "women",
        "5",
        "for",
        "Les indicateurs ventilés par sexe sont une très bonne chose. Ajoutez la part de femmes "
        "parmi les porteurs de microprojets financés.",
    ),
    _c(
        "w4",
        "women",
        "2",
        "for",
        "Et que des animatrices accompagnent ces séances : les jeunes femmes des douars parlent "
        "plus librement entre elles.",
        parent="w1",
    ),
    _c(
        "w5",
        "women",
        "2",
        "neutral",
        "Prévoir une présidence alternée du conseil, une année une jeune femme, l'année suivante "
        "un jeune homme.",
    ),
    _c(
        "w6",
        "women",
        "2",
        "for",
        "المناصفة في القرعة ضرورية لكنها غير كافية. في كثير من الجماعات القروية لا تستطيع الفتيات "
        "حضور الاجتماعات المسائية، لذلك يجب عقدها نهارا.",
        consensus=True,
    ),
    _c(
        "w7",
        "women",
        "1",
        "for",
        "يجب تحديد هدف رقمي لمشاركة الشابات، مثلا ألا تقل نسبتهن عن 45 في المئة من المشاركين في "
        "الاستشارات المحلية.",
    ),
    _c(
        "w8",
        "women",
        "5",
        "for",
        "أقترح إضافة مؤشر حول نسبة الشابات من بين حاملي المشاريع الصغيرة الممولة من طرف المجالس.",
    ),
    _c(
        "w9",
        "women",
        "3",
        "for",
        "تنقل الفتيات في العالم القروي إلى دور الشباب صعب. نقترح توفير النقل أو تنظيم الأنشطة "
        "داخل المدارس القريبة.",
    ),
    _c(
        "w10",
        "women",
        "2",
        "neutral",
        "ماذا عن الشابات في وضعية إعاقة؟ يجب أن تكون الاجتماعات في أماكن ولوجة.",
        parent="w6",
    ),
    _c(
        "w11",
        "women",
        "2",
        "for",
        "ⵜⵉⵎⵟⵟⵓⴹⵉⵏ ⵜⵉⵎⵥⵥⵢⴰⵏⵉⵏ ⵏ ⵉⵖⵔⵎⴰⵏ ⵓⵔ ⵣⵎⵉⵔⵏⵜ ⴰⴷ ⴷⴷⵓⵏⵜ ⵙ ⵉⵎⵓⵏⵏ ⵏ ⵜⴰⴷⴳⴳⵯⴰⵜ. ⵉⵍⴰⵇ ⴰⴷ ⵉⵜⵜⵓⵎⵓⵏ "
        "ⵓⵙⵇⵇⵉⵎⵓ ⴳ ⵡⴰⵙⵙ.",
        consensus=True,
    ),
    _c(
        "w12",
        "women",
        "5",
        "for",
        "ⵉⵍⴰⵇ ⴰⴷ ⵏⵙⵙⵏ ⵎⵏⵏⴰⵡ ⵏ ⵜⵎⵟⵟⵓⴹⵉⵏ ⴰⵔ ⵜⵜⴽⴽⵉⵏⵜ ⴳ ⵉⵙⵇⵇⵉⵎⵓⵜⵏ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⴳ ⴽⵓ ⵜⴰⵎⵏⴰⴹⵜ.",
    ),
    # Sport and culture spaces ---------------------------------------------------------------
    _c(
        "s1",
        "spaces",
        "4",
        "for",
        "La maison de jeunes de notre commune ferme à 18 heures et le week-end. C'est exactement "
        "quand les jeunes sont libres. Il faut des horaires adaptés.",
    ),
    _c(
        "s2",
        "spaces",
        None,
        "for",
        "Un terrain de proximité, une salle de répétition pour la musique, une petite "
        "bibliothèque : c'est là que les jeunes se rencontrent et commencent à s'engager.",
    ),
    _c(
        "s3",
        "spaces",
        "4",
        "for",
        "Les maisons de jeunes rurales devraient être gérées avec les associations locales, "
        "qui connaissent les besoins, plutôt que par un seul agent nommé.",
    ),
    _c(
        "s4",
        "spaces",
        None,
        "neutral",
        "Les festivals de jeunes organisés par les régions pourraient servir aussi de moments "
        "de consultation : un stand, une urne, des questions simples.",
    ),
    _c(
        "s5",
        "spaces",
        "4",
        "for",
        "Dans la vallée du Dadès il n'y a aucun espace culturel à moins de 30 km. Les caravanes "
        "pourraient venir avec du cinéma, du théâtre et des ateliers, pas seulement des "
        "formulaires.",
        parent="s3",
    ),
    _c(
        "s6",
        "spaces",
        None,
        "for",
        "Le sport féminin manque d'espaces : les terrains sont occupés par les garçons. Réserver "
        "des créneaux aux filles dans chaque équipement public.",
    ),
    _c(
        "s7",
        "spaces",
        "4",
        "for",
        "دار الشباب في جماعتنا تغلق أبوابها على الساعة السادسة مساء وأيام العطل، وهو الوقت الذي "
        "يكون فيه الشباب متفرغين. نحتاج إلى توقيت ملائم.",
    ),
    _c(
        "s8",
        "spaces",
        None,
        "for",
        "ملعب للقرب وقاعة للموسيقى ومكتبة صغيرة: هذه هي الأماكن التي يلتقي فيها الشباب ويبدأ "
        "منها انخراطهم في الشأن المحلي.",
    ),
    _c(
        "s9",
        "spaces",
        "4",
        "for",
        "يجب إشراك الجمعيات المحلية في تسيير دور الشباب القروية لأنها أدرى بحاجيات الشباب.",
    ),
    _c(
        "s10",
        "spaces",
        None,
        "for",
        "الرياضة النسوية تفتقر إلى الفضاءات، والملاعب يحتلها الذكور. نقترح تخصيص حصص للفتيات في كل "
        "منشأة رياضية عمومية.",
    ),
    _c(
        "s11",
        "spaces",
        None,
        "neutral",
        "يمكن استغلال المهرجانات الشبابية لتنظيم لقاءات تشاورية مباشرة مع الشباب.",
        parent="s8",
    ),
    _c(
        "s12",
        "spaces",
        "4",
        "for",
        "ⵜⵉⴷⴷⴰⵔ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⵜⵜⵇⵇⵏⵏⵜ ⴳ ⵜⴰⴷⴳⴳⵯⴰⵜ ⴷ ⵉⵙⵎⵙⴰⵍⵏ. ⵉⵍⴰⵇ ⴰⴷ ⵜⵜⵓⵕⵥⵎⵏⵜ ⴰⵔ ⵜⵉⵎⵏⵜⵉⵍⵜ ⵏ ⵡⴰⵙⵙ.",
    ),
    _c(
        "s13",
        "spaces",
        None,
        "for",
        "ⵉⵍⴰⵇ ⴰⵙⵏ ⵉ ⵉⵎⵥⵥⵢⴰⵏⵏ ⵏ ⵉⵖⵔⵎⴰⵏ ⵢⴰⵏ ⵓⵎⵔⴰⵔ ⵏ ⵓⵏⴰⵣⵓⵎ, ⵢⴰⵜ ⵜⵙⴷⵍⵉⵙⵜ ⴷ ⵢⴰⵏ ⵓⵙⵉⵏⵉⵎⴰ ⵉⵎⵥⵥⵉⵏ.",
    ),
    _c(
        "s14",
        "spaces",
        "4",
        "for",
        "ⵜⵉⵎⵙⵎⵓⵏⵉⵏ ⵏ ⵓⵖⵔⵎ ⴰⴷ ⵜⵜⵙⵙⵓⴷⵓⵙⵏⵜ ⵜⵉⴷⴷⴰⵔ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⴷ ⵜⵊⵎⴰⵄⵜ.",
        parent="s12",
    ),
]

# More on each subject, so that every language has several voices on it.
CONTRIBUTIONS += [
    _c(
        "y18",
        "councils",
        None,
        "for",
        "Je siège au conseil des jeunes d'une commune de la région de l'Oriental : nous avons "
        "appris à lire un budget communal. C'est déjà une école de la démocratie.",
    ),
    _c(
        "y19",
        "councils",
        None,
        "neutral",
        "أتمنى أن يحصل أعضاء مجالس الشباب على شهادة تثبت مشاركتهم، فهذا يشجع على الالتزام.",
    ),
    _c(
        "d17",
        "digital",
        None,
        "for",
        "Pour les Marocains de l'étranger aussi, une application mobile simple permettrait de "
        "suivre les consultations de leur commune d'origine.",
    ),
    _c(
        "d18",
        "digital",
        "3",
        "for",
        "Les exercices pratiques de consultation en classe sont une excellente idée : c'est en "
        "commentant un vrai texte qu'on comprend à quoi sert la participation.",
        consensus=True,
    ),
    _c(
        "j17",
        "jobs",
        None,
        "against",
        "Commencez par payer les stagiaires des communes. La participation bénévole est un luxe "
        "pour ceux qui n'ont pas de revenu.",
    ),
    _c(
        "f13",
        "funding",
        None,
        "for",
        "Une partie des subventions devrait financer le fonctionnement des associations "
        "(local, électricité, assurance), pas uniquement des activités ponctuelles.",
    ),
    _c(
        "w13",
        "women",
        None,
        "for",
        "أطالب بتخصيص برامج لتكوين الشابات في القيادة والتواصل حتى يترشحن بثقة لمجالس الشباب.",
    ),
    _c(
        "s15",
        "spaces",
        "4",
        "for",
        "Ouvrir les salles de sport des lycées aux associations le soir et pendant les vacances "
        "coûterait peu et rendrait service à tout un quartier.",
    ),
    _c(
        "y20",
        "councils",
        "2",
        "against",
        "أخشى أن تتحول مجالس الشباب إلى واجهة للتواصل فقط. ما الفائدة من استشارتنا إذا لم يكن "
        "للجماعة أي التزام بالأخذ بآرائنا أو بتعليل رفضها؟",
    ),
    _c(
        "d19",
        "digital",
        "3",
        "for",
        "أقترح أن تشمل وحدات التربية الرقمية تمارين على كتابة تعليق مفيد ومحترم في الاستشارات "
        "العمومية، لأن كثيرا من الشباب لا يعرفون كيف يصوغون مقترحا.",
    ),
    _c(
        "d20",
        "digital",
        "4",
        "for",
        "ⵉⵍⴰⵇ ⴰⴷ ⵜⴰⵡⴹ ⵜⴽⴰⵕⴰⴼⴰⵏⵜ ⵏ ⵓⵜⵜⴽⴽⵉ ⵙ ⵉⵖⵔⵎⴰⵏ ⵏ ⵓⴷⵔⴰⵔ ⵙ ⵉⵎⵙⵡⵓⵔⵉⵢⵏ ⴷ ⵓⵏⵜⵔⵏⵉⵜ, ⵎⴰⵛⴰ ⵓⵔ ⴷ "
        "ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍⵜ ⴳ ⵓⵙⴳⴳⵯⴰⵙ ⵖⴰⵙ.",
    ),
    _c(
        "j18",
        "jobs",
        "3",
        "for",
        "مراكز التكوين المهني يجب أن تقدم تكوينات في المقاولة والتعاونيات، فكثير من شباب العالم "
        "القروي يريدون خلق مشاريعهم في قراهم بدل الهجرة إلى المدن.",
    ),
    _c(
        "j19",
        "jobs",
        None,
        "against",
        "ⵉⵎⵥⵥⵢⴰⵏⵏ ⵏ ⵓⵖⵔⵎ ⴰⵔ ⴷ ⴼⴼⵖⵏ ⵙ ⵜⵎⴷⵉⵏⵉⵏ ⴰⴼⴰⴷ ⴰⴷ ⴰⴼⵏ ⵜⴰⵡⵓⵔⵉ. ⵜⴰⵡⵓⵔⵉ ⵣⵡⴰⵔ, ⴰⵙⵇⵇⵉⵎⵓ ⴷⴼⴼⵉⵔ.",
    ),
    _c(
        "f14",
        "funding",
        "5",
        "for",
        "يجب أن يتضمن التقرير السنوي للجنة التتبع حجم الدعم الموجه لجمعيات الشباب في كل جهة، "
        "ونسبة ما صرف فعلا من اعتمادات مجالس الشباب.",
    ),
    _c(
        "f15",
        "funding",
        None,
        "neutral",
        "نحتاج أيضا إلى تكوين أعضاء الجمعيات الشبابية في إعداد الملفات والمحاسبة، لأن كثيرا من "
        "طلبات الدعم ترفض لأسباب شكلية.",
        parent="f6",
    ),
    _c(
        "w14",
        "women",
        "1",
        "for",
        "تقليص الفوارق بين الشابات والشبان يتطلب ميزانية خاصة وبرامج موجهة، وليس فقط هدفا عاما في "
        "الرؤية.",
    ),
    _c(
        "w15",
        "women",
        None,
        "for",
        "ⵜⵉⵎⵟⵟⵓⴹⵉⵏ ⵜⵉⵎⵥⵥⵢⴰⵏⵉⵏ ⵔⴰⵏⵜ ⴰⴷ ⵜⵜⴽⴽⵉⵏⵜ. ⵉⵍⴰⵇ ⴰⵙⵏⵜ ⵉⵙⵍⵎⴰⴷ ⵏ ⵓⵏⵀⴰⵍ ⴷ ⵓⵎⵙⴰⵡⴰⴹ.",
    ),
    _c(
        "s16",
        "spaces",
        "4",
        "for",
        "أقترح أن تتحول دور الشباب القروية إلى فضاءات متعددة الاختصاصات: رياضة ومسرح وموسيقى "
        "ومكتبة، مع برنامج أنشطة يعده الشباب أنفسهم.",
    ),
    _c(
        "s17",
        "spaces",
        None,
        "neutral",
        "الفضاءات موجودة في بعض الجماعات لكنها مغلقة لغياب المؤطرين. المشكل في التسيير قبل البناء.",
        parent="s8",
    ),
]


#: The campaign: many people sent this paragraph, each with small changes. The seeder posts
#: the text once per edit list, applying the (old, new) replacements of that list.
CAMPAIGN: dict[str, Any] = {
    "subject": "campaign",
    "article": "2",
    "stance": "for",
    "body": (
        "Nous, jeunes signataires, demandons que chaque conseil local de jeunes dispose d'un "
        "budget propre égal à au moins 1 % du budget d'investissement de la commune, voté "
        "chaque année, géré par les jeunes eux-mêmes et publié en ligne avec un rapport "
        "d'exécution. Sans budget garanti, le conseil restera une vitrine."
    ),
    "edits": [
        [],
        [("Nous, jeunes signataires,", "Nous, jeunes de Salé,")],
        [("publié en ligne", "publiés en ligne"), ("vitrine.", "vitrine !")],
        [("au moins 1 %", "au moins 1%"), ("eux-mêmes", "eux memes")],
        [("Sans budget garanti", "Sans un budget garanti")],
        [("Nous, jeunes signataires, demandons", "Je demande")],
        [("chaque année", "chaque annee"), ("d'exécution", "d'execution")],
        [("vitrine.", "vitrine. Merci de nous écouter.")],
        [("au moins 1 %", "au minimum 1 %")],
        [("Nous, jeunes signataires,", "Nous, membres de l'association Horizon,")],
        [("géré par les jeunes eux-mêmes", "géré par les jeunes")],
        [("publié en ligne", "publié sur le site de la commune")],
        [("budget propre", "budjet propre"), ("vitrine", "simple vitrine")],
    ],
}

#: Three people posted the same short request about opening hours (not a campaign).
COPIES: dict[str, Any] = {
    "subject": "spaces",
    "article": "4",
    "stance": "for",
    "body": (
        "نطالب بفتح دور الشباب في المساء وفي نهاية الأسبوع وخلال العطل المدرسية، مع تعيين مؤطرين "
        "قارين في كل دار."
    ),
    "edits": [
        [],
        [("نطالب", "أطالب")],
        [("العطل المدرسية", "العطل الصيفية")],
    ],
}

#: Where, among the contributions, the campaign and the copies arrive (a burst of copies).
CAMPAIGN_AFTER: str = "j7"
COPIES_AFTER: str = "s9"


# --- Recommendations on the closed consultation -----------------------------------------------
# Same shape as organisations.RECOMMENDATIONS; author is an index into content.USERS.

RECOMMENDATIONS: list[dict[str, Any]] = [
    {
        "organisation": "tifawin",
        "author": 26,
        "article": "2",
        "kind": "amend",
        "language": "fr",
        "replace": (
            "dans le respect de la parité",
            "dans le respect de la parité et en réservant un tiers des sièges aux jeunes des "
            "douars et des quartiers périphériques",
        ),
        "justification": "Le tirage au sort parmi les seules candidatures reçues favorise les "
        "jeunes des centres, mieux informés. Réserver des sièges garantit que les jeunes "
        "des douars soient entendus.",
        "cosigners": ["network"],
        "supporters": 18,
    },
    {
        "organisation": "tamount",
        "author": 6,
        "article": "2",
        "kind": "amend",
        "language": "ar",
        "replace": (
            "مع احترام مبدأ المناصفة",
            "مع احترام مبدأ المناصفة، وتعقد اجتماعاتها نهارا وتتناوب على رئاستها شابة وشاب",
        ),
        "justification": "المناصفة في التعيين لا تضمن حضور الشابات القرويات إذا عقدت الاجتماعات "
        "ليلا، ولا تضمن وصولهن إلى الرئاسة.",
        "cosigners": ["nakhil"],
        "supporters": 12,
    },
    {
        "organisation": "network",
        "author": 14,
        "article": None,
        "kind": "add",
        "language": "fr",
        "wording": "Article 6 - Réponse aux avis des conseils de jeunes\n\nLa commune répond "
        "par écrit, dans un délai de deux mois, à chaque avis du conseil local de jeunes. La "
        "réponse motivée est publiée sur le site de la commune.",
        "justification": "De nombreuses contributions relèvent que les avis des conseils "
        "existants restent sans réponse. Une obligation de réponse motivée donne du sens à "
        "la consultation des jeunes.",
        "cosigners": ["tifawin", "tamount", "diaspora"],
        "supporters": 22,
    },
    {
        "organisation": "nakhil",
        "author": 5,
        "article": "4",
        "kind": "amend",
        "language": "ar",
        "replace": (
            "تنظم قوافل للمشاركة كل سنة في الأقاليم الأكثر عزلة",
            "تنظم قوافل للمشاركة مرتين في السنة على الأقل في الأقاليم الأكثر عزلة، بما فيها "
            "الواحات والمناطق الجبلية",
        ),
        "justification": "قافلة واحدة في السنة لا تترك أثرا دائما. شباب الواحات يحتاجون إلى "
        "حضور منتظم.",
        "cosigners": ["tamount"],
        "supporters": 9,
    },
    {
        "organisation": "network",
        "author": 14,
        "article": "3",
        "kind": "delete",
        "language": "fr",
        "wording": "",
        "justification": "Les modules d'éducation civique relèvent des programmes scolaires, "
        "fixés par ailleurs. Nous proposons de supprimer cet article et de renvoyer aux "
        "programmes existants, pour concentrer la stratégie sur les conseils de jeunes.",
        "cosigners": [],
        "supporters": 2,
    },
    {
        "organisation": "diaspora",
        "author": 28,
        "article": None,
        "kind": "general",
        "language": "fr",
        "wording": "",
        "justification": "La stratégie ignore les jeunes Marocains résidant à l'étranger. Nous "
        "demandons qu'ils puissent suivre en ligne les travaux du conseil de jeunes de leur "
        "commune d'origine et y contribuer à distance.",
        "cosigners": [],
        "supporters": 5,
    },
    {
        "organisation": "tifawin",
        "author": 26,
        "article": None,
        "kind": "general",
        "language": "zgh",
        "wording": "",
        "justification": "ⵉⵍⴰⵇ ⴰⴷ ⵜⵉⵍⵉ ⵜⵎⴰⵣⵉⵖⵜ ⴳ ⵉⵙⵇⵇⵉⵎⵓⵜⵏ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ, ⴳ ⵉⵙⵍⵎⴰⴷ ⵏ ⵜⵓⵖⵍⵉⵏ ⴷ ⴳ "
        "ⵜⵉⴷⴷⴰⵔ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ, ⵎⴰⵛⴰ ⵓⵔ ⴷ ⴳ ⵡⴰⵡⴰⵍ ⵖⴰⵙ.",
        "cosigners": ["network"],
        "supporters": 7,
    },
    {
        "organisation": "network",
        "author": 14,
        "article": "5",
        "kind": "amend",
        "language": "fr",
        "replace": (
            "publie chaque année un rapport sur la mise en œuvre de la stratégie",
            "publie chaque année un rapport sur la mise en œuvre de la stratégie, accompagné "
            "des données en format ouvert",
        ),
        "justification": "Les associations doivent pouvoir vérifier les indicateurs et en "
        "calculer d'autres : les données brutes doivent être publiées avec le rapport.",
        "cosigners": ["tifawin"],
        "supporters": 10,
    },
]
