"""Function words left out of theme labels and features, in their normalised form."""

from consult.text.normalise import normalise

_FRENCH = """
a au aux avec ce ces cet cette ci comme dans de des du elle en est et etre il ils je la le les
leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas plus pour qu que qui
sa se ses si son sont sur ta te tes toi ton tous tout toute toutes tres tu un une vos votre vous
y c d j l m n s t aussi alors donc ainsi afin car cela ceci celle celui chaque entre etc faut
doit doivent peut peuvent fait faire avoir ont sera seront ete sans sous selon vers tant
"""

_ARABIC = """
في من على الى إلى عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم نحن انا أنا أن ان إن كان كانت
يكون تكون لا لم لن ما ثم او أو بل قد كل بعض غير بين عند حتى اذا إذا كما لكن لان لأن أي اي وهو وهي
وفي ومن وعلى والى وإلى عبر خلال ضمن حول لدى فيه فيها منه منها عليه عليها به بها له لها يجب ينبغي
"""

_TAMAZIGHT = """
ⴷ ⵏ ⴳ ⵉ ⵙ ⴰⴷ ⵓⵔ ⵎⴰⵛ ⵏⵏⴰ ⴰⵢⴰ ⵖⵔ ⵅⴼ ⴼ ⵏⵏⵖ ⵏⵏⵙ ⵏⵏⵙⵏ ⵉⵍⵍⴰ ⵉⵍⵍⴰⵏ ⴰⵛⴽⵓ ⵎⴰⵙ ⵡⴰⵍⴰ ⵏⵖ ⴷⴳ
ⴰⵔ ⵉⵇⵇⴰⵏ ⵀⴰⵜ ⵍⵍⵉ ⵉⴳⴰ ⵜⴳⴰ ⴰⵙ ⴰⵙⵏ ⵜⵏ ⵜ ⵓ ⵡ ⵢ ⴰⴽⴽⵯ ⴽⵓⵍⵍⵓ ⵉⵎⵉ ⴰⵎⵎ ⵣⵓⵏⴷ
"""

STOPWORDS: frozenset[str] = frozenset(
    normalise(word) for block in (_FRENCH, _ARABIC, _TAMAZIGHT) for word in block.split()
)
