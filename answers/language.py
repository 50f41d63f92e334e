"""Which language a question is in, and one spelling for matching names in any of them.

Kazakh letters are folded to their Russian neighbours (Нұрғазиева → Нургазиева) and Latin
words transliterated to Cyrillic (Nurgazieva → нургазиева, `search.textnorm.to_cyrillic`), so a name
typed in Kazakh or English meets the Russian spelling in the facts; the search's typo correction
absorbs what transliteration cannot restore (a soft sign, й).
"""

from __future__ import annotations

import re

from answers.kazakh import kazakh_stem
from answers.lexicon import words_of
from search.textnorm import KAZAKH_FOLD, known_word
from views.i18n import Language

KAZAKH_LETTERS = "әғқңөұүһі"
_QUOTES_AND_DASHES = str.maketrans({c: '"' for c in "«»„“”‟″"} | {c: "-" for c in "‐‑‒–—―"})

# Words that mark a Kazakh question even when typed without Kazakh letters (lexicon data).
KAZAKH_WORDS = words_of("kk").markers
# Words that mark a Russian question («кто», «ли»): a Kazakh name beside them is only a name.
RUSSIAN_WORDS = words_of("ru").interrogatives | words_of("ru").yes_no | words_of("ru").markers


def clean(text: str) -> str:
    """One form of quotes and dashes, single spaces."""
    return " ".join(text.translate(_QUOTES_AND_DASHES).split())


def detect_language(text: str) -> Language:
    """Kazakh when a Kazakh word is typed (a marker, «кім», «ма»); Russian when a Russian
    question word is («кто», «когда», «ли») — a name in Kazakh letters, quoted or not
    («Сағындықұлы», «фестиваль ертіс әуендері»), is only a name there, as Russian articles
    write it; otherwise Kazakh letters tell Kazakh."""
    lowered = text.casefold()
    words = re.findall(r"\w+", lowered)
    if any(w in KAZAKH_WORDS for w in words):
        return Language.KK
    # «Сагындыков — председатель «Ертіс жастары»?»: a quoted name's letters tell nothing when
    # words stand outside the quotes
    unquoted = QUOTED.sub(" ", lowered)
    said = unquoted if any(c.isalpha() for c in unquoted) else lowered
    if (
        any(c in KAZAKH_LETTERS for c in said)
        and not any(w in RUSSIAN_WORDS for w in words)
        and not _russian_around_names(QUOTED.sub(" ", text))
    ):
        return Language.KK
    # «Who presented «Азбука медиаграмотности для НКО»?»: a quoted Russian title is a name
    letters = [c for c in said if c.isalpha()]
    latin = sum("a" <= c <= "z" for c in letters)
    if letters and latin / len(letters) > 0.5:
        return Language.EN
    return Language.RU


def _russian_around_names(text: str) -> bool:
    """Kazakh letters only in names (capitalised words), and a lower-case word the Russian
    dictionary knows beside them: «Серікұлы председатель центра …?» is asked in Russian."""
    typed = re.findall(r"\w+", text)
    if any(c in KAZAKH_LETTERS for w in typed if not w[:1].isupper() for c in w.casefold()):
        return False
    # «Семейдегі форум»: a name with a Kazakh case ending is said in Kazakh
    lettered = [w.casefold() for w in typed if any(c in KAZAKH_LETTERS for c in w.casefold())]
    if any(len(w) - len(kazakh_stem(w, name=True)) >= 2 for w in lettered):
        return False
    return any(len(w) >= 4 and w.islower() and known_word(w) for w in typed if w.isalpha())


# A name in quotes («Ертіс жастары», "Ертіс жастары"): its words are the name's, as typed
QUOTED = re.compile(r"[«\"“„][^«»\"“”„]*[»\"”“]")


def fold(text: str) -> str:
    """Kazakh letters and ё as their Russian neighbours: how names are matched."""
    return text.translate(KAZAKH_FOLD)
