"""A Kazakh suffix stripper: the stem a name or word is looked up by («Нұрғазиеваның» →
«Нұрғазиева», «Омбыда» → «Омбы», «қалалары» → «қала»).

No Kazakh morphological analyser is packaged, so this follows the grammar directly: Kazakh
is agglutinative, and a word's endings come in a fixed order — plural, possessive, case —
each in variants chosen by vowel harmony (back vowels а о ұ ы take -лар/-дың/-да, front
vowels ә ө ү і е take -лер/-дің/-де) and by the stem's last sound. Endings are removed from
the end, one layer at a time, and only when the ending's vowels agree with the stem's last
vowel, so that a stem which merely ends like a suffix is kept («Алматы» is no «Алма» + -ты).
"""

from __future__ import annotations

from functools import lru_cache

BACK_VOWELS = frozenset("аоұыя")
FRONT_VOWELS = frozenset("әөүі")
# е and и are written in both rows (and in Russian names, which take endings by the vowel
# before them: «Тажибаевтың»), у and ю too: they tell nothing.
VOWELS = BACK_VOWELS | FRONT_VOWELS | frozenset("еиуюёэ")

# fmt: off
# Each layer's endings, outermost layer first. Endings that also end many stems are left out
# (the dative -а/-на: «Астана»), and so is the first person, which questions about others do
# not use. An ending that begins with д or т is taken only after the sounds it follows
# («Алматы» is no «Алма» + -ты: -ты never follows a vowel).
_CASE = (
    "ның", "нің", "дың", "дің", "тың", "тің",        # genitive
    "нан", "нен", "дан", "ден", "тан", "тен",        # ablative
    "мен", "бен", "пен",                             # instrumental
    "ны", "ні", "ды", "ді", "ты", "ті",              # accusative
    "ға", "ге", "қа", "ке",                          # dative
    "да", "де", "та", "те",                          # locative
    "дағы", "дегі", "тағы", "тегі",                  # «the one in …»
    # after the third person's possessive (-ы/-і, taken off next): «кездесуіне», «палатасынан»
    "на", "не", "нда", "нде", "нан", "нен", "н", "ндағы", "ндегі",
)
_POSSESSIVE = ("сы", "сі", "ы", "і")
# «in …», «the one in …», «from …»: a word with these endings names a place (or a time)
PLACE_ENDINGS = ("да", "де", "та", "те", "дағы", "дегі", "тағы", "тегі", "дан", "ден", "тан", "тен")
_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
# fmt: on
_LAYERS = (
    tuple(sorted(_CASE, key=len, reverse=True)),
    tuple(sorted(_POSSESSIVE, key=len, reverse=True)),
    tuple(sorted(_PLURAL, key=len, reverse=True)),
)
MIN_STEM = 3
MIN_NAME_STEM = 4
MIN_STEM_BEFORE_VOWEL = 5  # «лауазымы» → «лауазым», but «Омбы» stays


def _harmony(vowels: str) -> str | None:
    """'back', 'front', or None for an ending or stem without a telling vowel."""
    for letter in reversed(vowels):
        if letter in BACK_VOWELS:
            return "back"
        if letter in FRONT_VOWELS:
            return "front"
    return None


def _fits(stem: str, ending: str, least: int = MIN_STEM) -> bool:
    """The ending may follow the stem: long enough, and of the stem's vowel harmony."""
    shortest = MIN_STEM_BEFORE_VOWEL if ending in ("ы", "і") else least
    if not any(c in VOWELS for c in stem) or len(stem) < shortest:
        return False
    if ending in _PLURAL and not _plural_fits(stem, ending):
        return False
    if not _onset_fits(stem, ending):
        return False
    wanted = _harmony(ending)
    last_vowel = next((c for c in reversed(stem) if c in VOWELS), "")
    if not _KAZAKH_VOWELS & set(stem) or last_vowel in "еиуюёэ":
        # The stem's last vowel tells nothing («Нұрғазиевтің», «Нұрғазиевтың»): either row.
        # A Russian name or word («Погорельскийдің», «Тажибаевтың»): writers follow its
        # sound, not its letters, so either row is taken.
        return True
    return wanted is None or _harmony(stem) in (None, wanted)


_VOICELESS = frozenset("кқпстфхцчшщ")
_KAZAKH_VOWELS = frozenset("әөүұі")
_AFTER_POSSESSIVE = frozenset({"на", "не", "нда", "нде", "нан", "нен", "н", "ндағы", "ндегі"})


def _onset_fits(stem: str, ending: str) -> bool:
    """An ending that begins with т follows a consonant other than a sonorant (Russian names'
    final б, в, г, д, з are said voiceless: «Тажибаевтың», «Екатеринбургтан»); one with д a
    voiced consonant or a vowel; an accusative one (-ны, -ды, -ты) only what its variant
    follows."""
    last = stem[-1]
    if ending[0] == "т":
        return last not in VOWELS and last not in "лмнңрйу"
    if ending[0] == "д":
        if ending in ("ды", "ді"):
            return last not in VOWELS and last not in _VOICELESS
        return last not in _VOICELESS
    if ending in ("ны", "ні", "сы", "сі"):  # «Астанасы», but «альянсы» is «альянс» + ы
        return last in VOWELS
    if ending in _AFTER_POSSESSIVE:
        return last in "ыі"
    return True


def _plural_fits(stem: str, ending: str) -> bool:
    """-лар after a vowel, й, у or р; -дар after л, м, н, ң, з, ж; -тар after the rest
    («ұйымдар», but «Павлодар» is no plural: -дар never follows a vowel)."""
    last = stem[-1]
    if ending[0] == "л":
        return last in VOWELS or last in "йур"
    if ending[0] == "д":
        return last in "лмнңзж"
    return last not in VOWELS and last not in "йурлмнңзж"


@lru_cache(maxsize=20_000)
def said_of_a_place(word: str) -> bool:
    """`word` ends in a Kazakh ending of place that comes off («шымкенттегі», «таразда»)."""
    low = word.casefold()
    return low.endswith(PLACE_ENDINGS) and kazakh_stem(low) != low


def kazakh_stem(word: str, *, name: bool = False, least: int | None = None) -> str:
    """`word` without its Kazakh plural, possessive and case endings (lower-cased). A name
    (`name`: written with a capital) keeps at least MIN_NAME_STEM letters: «Бірге» is no
    «бір» in the dative; `least` asks for more."""
    stem = word.casefold()
    least = least or (MIN_NAME_STEM if name else MIN_STEM)
    for layer in _LAYERS:
        for ending in layer:
            if stem.endswith(ending) and _fits(stem[: -len(ending)], ending, least):
                stem = stem[: -len(ending)]
                break
    if stem != word.casefold() and stem[-1:] in _VOICED and _KAZAKH_VOWELS & set(stem):
        # «кітабы» is «кітап»: a Kazakh word's final п, к, қ is voiced before a vowel (a
        # Russian word's is not: «клубы» stays «клуб»)
        stem = stem[:-1] + _VOICED[stem[-1]]
    return stem


_VOICED = {"б": "п", "г": "к", "ғ": "қ"}
