"""Demo organisations, a network and their recommendations (invented, like the rest of the demo)."""

# Representatives are indexes into content.USERS.
ORGANISATIONS = [
    {
        "key": "tifawin",
        "name": {
            "fr": "Association Tifawin pour la participation citoyenne",
            "ar": "جمعية تيفاوين للمشاركة المواطنة",
            "zgh": "ⵜⴰⵎⵓⵏⵜ ⵜⵉⴼⴰⵡⵉⵏ ⵉ ⵓⴷⵔⴰⵡ ⴰⵖⵔⵎⴰⵏ",
        },
        "kind": "association",
        "ref": "AGD-2019/0451",
        "region": "souss-massa",
        "domains": ["governance", "youth", "culture"],
        "email": "contact@tifawin.example.org",
        "description": "Formation des jeunes à la participation locale dans la région Souss-Massa, "
        "en arabe, en tamazight et en français.",
        "representatives": [26, 2],
        "status": "verified",
    },
    {
        "key": "network",
        "name": {
            "fr": "Réseau marocain pour la gouvernance participative",
            "ar": "الشبكة المغربية للحكامة التشاركية",
        },
        "kind": "network",
        "ref": "RBT-2016/2210",
        "region": "rabat-sale-kenitra",
        "domains": ["governance", "human_rights"],
        "email": "secretariat@rmgp.example.org",
        "description": "Réseau d'associations qui suit les dispositifs de démocratie participative "
        "et publie chaque année un rapport sur les consultations publiques.",
        "representatives": [14],
        "status": "verified",
    },
    {
        "key": "nakhil",
        "name": {
            "ar": "جمعية النخيل للتنمية المستدامة",
            "fr": "Association Nakhil pour le développement durable",
        },
        "kind": "association",
        "ref": "ERR-2012/0077",
        "region": "draa-tafilalet",
        "domains": ["environment", "climate", "social_economy"],
        "email": "nakhil@example.org",
        "description": "تعمل الجمعية على حماية الواحات وتدبير الموارد المائية مع الساكنة المحلية.",
        "representatives": [5],
        "status": "verified",
    },
    {
        "key": "tamount",
        "name": {
            "fr": "Coopérative féminine Tamount",
            "ar": "التعاونية النسوية تامونت",
            "zgh": "ⵜⴰⵎⵢⴰⵡⴰⵙⵜ ⵜⵉⵎⵖⴰⵔⵉⵏ ⵜⴰⵎⵓⵏⵜ",
        },
        "kind": "cooperative",
        "ref": "COOP-OR-2020-118",
        "region": "oriental",
        "domains": ["gender_equality", "social_economy"],
        "email": "tamount@example.org",
        "description": "Coopérative de femmes productrices; plaide pour l'accès des femmes rurales "
        "aux consultations.",
        "representatives": [6],
        "status": "verified",
    },
    {
        "key": "diaspora",
        "name": {
            "fr": "Association des Marocains de Belgique pour la citoyenneté",
            "ar": "جمعية مغاربة بلجيكا من أجل المواطنة",
        },
        "kind": "diaspora_association",
        "ref": "BE-0712.448.391",
        "region": "abroad",
        "country": "BE",
        "domains": ["migration", "human_rights"],
        "email": "info@ambc.example.org",
        "description": "Relaie les consultations publiques marocaines auprès des Marocains "
        "de Belgique.",
        "representatives": [28],
        "status": "verified",
    },
    {
        "key": "atlas",
        "name": {"ar": "جمعية شباب الأطلس", "zgh": "ⵜⴰⵎⵓⵏⵜ ⵏ ⵉⵎⵥⵥⵢⴰⵏⵏ ⵏ ⵓⴷⵔⴰⵔ"},
        "kind": "association",
        "ref": "BM-2025/0903",
        "region": "beni-mellal-khenifra",
        "domains": ["youth", "education"],
        "email": "atlas.youth@example.org",
        "description": "جمعية حديثة التأسيس تهتم بإشراك الشباب القروي.",
        "representatives": [10],
        "status": "pending",
    },
]

#: (network key, member key): accepted memberships.
NETWORK_MEMBERS = [("network", "tifawin"), ("network", "nakhil"), ("network", "tamount")]

RECOMMENDATIONS = [
    {
        "organisation": "network",
        "author": 14,
        "article": "6",
        "kind": "amend",
        "language": "fr",
        "replace": ("trente (30) jours", "quarante-cinq (45) jours"),
        "justification": "Trente jours ne suffisent pas aux associations pour réunir leurs "
        "membres, surtout en zone rurale. Quarante-cinq jours permettent une "
        "contribution collective et argumentée.",
        "cosigners": ["tifawin", "nakhil", "diaspora"],
        "supporters": 9,
    },
    {
        "organisation": "tifawin",
        "author": 26,
        "article": "7",
        "kind": "amend",
        "language": "fr",
        "replace": (
            "peut être publiée à titre informatif",
            "est publiée pour tout projet d'intérêt national",
        ),
        "justification": "Beaucoup de Marocains résidant à l'étranger lisent plus facilement le "
        "français : une version française ne devrait pas être facultative pour "
        "les projets d'intérêt national.",
        "cosigners": ["network"],
        "supporters": 14,
    },
    {
        "organisation": "nakhil",
        "author": 5,
        "article": "8",
        "kind": "amend",
        "language": "ar",
        "replace": ("بواسطة عنوان إلكتروني صالح", "بواسطة عنوان إلكتروني صالح أو رقم هاتف"),
        "justification": "كثير من سكان الواحات لا يتوفرون على بريد إلكتروني، ويستعملون الهاتف "
        "المحمول فقط.",
        "cosigners": ["tamount"],
        "supporters": 6,
    },
    {
        "organisation": "diaspora",
        "author": 28,
        "article": None,
        "kind": "add",
        "language": "fr",
        "wording": "Article 7 ter - Réunions publiques à l'étranger\n\nLes consulats organisent, "
        "pour toute consultation d'intérêt national, au moins une réunion publique "
        "d'information ouverte aux Marocains résidant dans leur circonscription.",
        "justification": "Les Marocains du monde découvrent souvent les consultations après "
        "leur clôture.",
        "cosigners": [],
        "supporters": 3,
    },
    {
        "organisation": "tamount",
        "author": 6,
        "article": "13",
        "kind": "delete",
        "language": "fr",
        "wording": "",
        "justification": "Un délai de six mois retarde inutilement l'entrée en vigueur : la loi "
        "devrait s'appliquer dès sa publication.",
        "cosigners": [],
        "supporters": 1,
    },
    {
        "organisation": "network",
        "author": 14,
        "article": None,
        "kind": "general",
        "language": "ar",
        "wording": "",
        "justification": "ندعو إلى نشر كل التعليقات والتوصيات كمعطيات مفتوحة، وإلى الرد كتابة "
        "على كل توصية، مع تعليل القبول أو الرفض.",
        "cosigners": ["tifawin", "diaspora"],
        "supporters": 11,
    },
    {
        "organisation": "tifawin",
        "author": 26,
        "article": "11",
        "kind": "general",
        "language": "fr",
        "wording": "",
        "draft": True,
        "justification": "Brouillon : préciser les motifs de modération et la voie de recours.",
        "cosigners": [],
        "supporters": 0,
    },
]
