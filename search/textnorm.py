"""Text normalisation for matching Russian words in any grammatical case.

Each word is reduced to a set of forms: the word itself, a crude stem (a suffix stripper that
copes with surnames no dictionary knows: «Нургазиевой» → «нургазиев»), and the lemmas the
pymorphy3 analyser proposes with their stems («Алма-Аты» → «алма-ата», «столе» → «стол»).
Two words match when they share a form. Forms are for matching only, never shown to users.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

# Kazakh letters are kept, so that Kazakh question words can be told apart.
_WORD_RE = re.compile(r"[0-9a-zа-яәғқңөұүһі]+(?:-[0-9a-zа-яәғқңөұүһі]+)*")

# fmt: off
_ENDINGS = sorted({
    # adjectives and participles
    "ыми", "ими", "ого", "его", "ому", "ему", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий",
    "ой", "ую", "юю", "ых", "их", "ым", "им", "ом", "ем",
    # nouns
    "ами", "ями", "ах", "ях", "ов", "ев", "ей", "ам", "ям", "ью", "ия", "ии", "ию",
    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь",
    # verbs: past tense and infinitive
    "ала", "яла", "ила", "ело", "али", "яли", "или", "ели", "ал", "ял", "ил", "ел", "ать",
    "ять", "ить", "еть", "ть", "ет", "ут", "ют", "ит", "ат", "ят",
}, key=len, reverse=True)
_MIN_STEM = 3

STOPWORDS = frozenset("""
    а в во вы где для до же за и из или им их к как какая какие какой каких ко когда кто
    ли мне мы на над не но ну о об от по под при про с со так такая такие такой там то тот
    у уже что чем чья чьи чей это эта этот эти я был была были было будет будут есть ещё еще
    мой моя все всё вся весь его ее её они она он них него нее неё ней нем нём свой своя
    скажи расскажи подскажи покажи пожалуйста можно хочу знать
    начале конце середине
""".split())
# fmt: on

Forms = tuple[str, ...]


def normalize(text: str) -> str:
    """Lower-case, ё→е, everything but letters, digits and inner hyphens becomes a space."""
    text = text.casefold().replace("ё", "е")
    return " ".join(_WORD_RE.findall(text))


def stem(word: str) -> str:
    word = word.casefold().replace("ё", "е")
    if word.endswith(("ся", "сь")) and len(word) - 2 >= _MIN_STEM + 1:
        word = word[:-2]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def words(text: str) -> list[str]:
    """Normalised words; a hyphenated word yields its parts and the joined whole."""
    out: list[str] = []
    for token in normalize(text).split():
        if "-" in token:
            parts = [p for p in token.split("-") if p]
            out.extend(parts)
            out.append("".join(parts))
        else:
            out.append(token)
    return out


@cache
def _analyzer():  # type: ignore[no-untyped-def]
    """The pymorphy3 analyser, created on first use (not when the bot starts)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


# Kazakh letters and ё as their Russian neighbours: «Тимурұлы» is found as «Тимурулы».
KAZAKH_FOLD = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІёЁ", "агкноуухиАГКНОУУХИеЕ")


# «Самарской», «тюменская»: a region or city named by its adjective
PLACE_ADJECTIVE = re.compile(r"\wск(?:ий|ая|ой|ое|ого|ому|им|ом|ую|ие|их|ими)$")

# Words the sources use for one thing: Kazakhstan says «НПО» where Russia says «НКО».
_SAME_THING = {"нпо": "нко", "нко": "нпо"}


# How Russian and Kazakh names are usually written in English, before the letter-by-letter
# transliteration (which reads «ts» as «тс», «ai» as «аи», «sky» as «ски»).
_ENGLISH_SPELLINGS = (
    (re.compile(r"(?<=[kcr])y$|iy$|yi$"), "ий"),  # Pogorelsky, Zhukovskiy, Dmitry
    (re.compile(r"(?<=[lz])y$"), "ы"),  # Timuruly, Serikkyzy
    (re.compile(r"iye"), "ие"),  # Nurgaziyeva, Aliyev
    (re.compile(r"ts(?!$)"), "ц"),  # Zaitseva, Tsoi; not «grants»
    (re.compile(r"kh"), "х"),  # Khan
    (re.compile(r"x"), "кс"),  # Maxim, Alexey
    (re.compile(r"(?<=[aeou])i(?=[^aeiou]|$)"), "й"),  # Zaitseva, Aigerim, Tsoi
    (re.compile(r"(?<=[bcdfghklmnpqrstvwxz])y(?=[bcdfghklmnpqrstvwxz])"), "ы"),  # Zhaksybekov
)


def to_cyrillic(word: str) -> str:
    """A Latin-letter word (a name, most likely) in Russian letters."""
    import cyrtranslit  # only when a Latin word is met

    word = word.casefold().replace("’", "'")
    for pattern, letters in _ENGLISH_SPELLINGS:
        word = pattern.sub(letters, word)
    return cyrtranslit.to_cyrillic(word, "ru")


@lru_cache(maxsize=50_000)  # bounded: users can type any number of distinct words
def word_forms(word: str) -> Forms:
    """The forms a word can match by: itself, its stem, its lemmas and their stems, a word
    the sources use for the same thing; a word with Kazakh letters also as typed without them."""
    found = {word}
    stems = {stem(word)}
    if same := _SAME_THING.get(word):
        found.add(same)
    if (folded := word.translate(KAZAKH_FOLD)) != word:
        found.add(folded)
        stems.add(stem(folded))
    # Names as Kazakh and English spell them: only names, so that the typo correction finds
    # no other words by these forms
    soft = re.search("ь[бвгджзйклмнпрстфхцчшщ]", word)
    ending = word.endswith(("ья", "ия")) and len(word) > 4
    if (soft or ending) and proper_name(word):
        if soft:
            found.add(re.sub("ь(?=[бвгджзйклмнпрстфхцчшщ])", "", word))  # Гульнара: Гүлнара
        if ending:
            found.add(word[:-2] + "иа")  # Дарья, Мария: Daria, Maria
    if re.fullmatch("[a-z]+", word) and len(word) > 1:
        # «FROM KZ»: a Latin name is found as typed and as a Russian-letter question has it
        found.add(to_cyrillic(word))
    if not word.isdigit() and re.search("[а-я]", word):
        for parse in _analyzer().parse(word)[:4]:
            lemma = parse.normal_form.replace("ё", "е").replace("-", "")
            found.add(lemma)
            stems.add(stem(lemma))
    # A cut-off stem of three letters is shared by unrelated words («казан», «казахи»: «каз»);
    # a word or lemma that short is a word of its own («мир»).
    found |= {s for s in stems if len(s) > _MIN_STEM}
    return tuple(sorted(f for f in found if len(f) >= 2 or f == word))


def query_forms(text: str) -> list[Forms]:
    """The forms of each word a user typed, stopwords left out unless written in capitals
    (abbreviations such as «СО РАН»). A hyphenated word counts as its parts, each also
    carrying the forms of the whole («Алма-Аты» → «алма», «аты», both matching «алмаата»)."""
    capitals = {w.casefold() for w in re.findall(r"\w+", text) if len(w) > 1 and w.isupper()}
    result: list[Forms] = []
    for token in normalize(text).split():
        parts = [p for p in token.split("-") if p]
        whole = word_forms("".join(parts)) if len(parts) > 1 else ()
        for part in parts:
            if part in STOPWORDS and part not in capitals:
                continue
            result.append(tuple(sorted(set(word_forms(part)) | set(whole) | _noun_of(part))))
    return list(dict.fromkeys(result))


def _noun_of(word: str) -> set[str]:
    """An adjective in -н- also asks for the noun it is made from, by the stem they share
    («молодёжная встреча» finds «Голос молодёжи»): a stem that long begins both."""
    tags = _tags(word)
    if not tags or tags[0][0] != "ADJF":
        return set()
    return {f[:-1] for f in word_forms(word) if f.endswith("н") and len(f) > PREFIX_FROM + 1}


def forms(text: str, *, drop_stopwords: bool = False) -> list[Forms]:
    """The forms of each word of `text`, in order."""
    return list(_forms(text, drop_stopwords))


@lru_cache(maxsize=50_000)  # names, titles and positions repeat across thousands of entities
def _forms(text: str, drop_stopwords: bool) -> tuple[Forms, ...]:
    return tuple(word_forms(w) for w in words(text) if not (drop_stopwords and w in STOPWORDS))


PREFIX_FROM = 5  # letters: a query form this long also finds the words it begins


def forms_match(query: Forms, doc: Forms) -> bool:
    return any(stems_match(q, d) for q in query for d in doc)


def stems_match(query_stem: str, doc_stem: str) -> bool:
    """Equal forms, or the query's form begins the document's («Нургаз» finds «Нургазиева»).

    Only that direction: a long query word must not match a document word that merely begins
    it («общественную» is not «общества»).
    """
    if query_stem == doc_stem:
        return True
    return len(query_stem) >= PREFIX_FROM and doc_stem.startswith(query_stem)


# pymorphy3's tags of proper names: first names, surnames, patronymics, places, organizations.
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
# Parts of speech that never name anything: verbs, gerunds, adverbs, particles, conjunctions.
_NAMELESS_POS = frozenset({"VERB", "INFN", "GRND", "ADVB", "PRCL", "CONJ", "INTJ", "PRED"})


@lru_cache(maxsize=50_000)
def _tags(word: str) -> tuple[tuple[str | None, frozenset[str]], ...] | None:
    """The dictionary's best parses of a Russian word, each as (part of speech, grammemes);
    None for a word it does not know, () for one with no Russian letters."""
    word = word.casefold().replace("ё", "е")
    if not re.search("[а-я]", word):
        return ()
    analyzer = _analyzer()
    if not analyzer.word_is_known(word):
        return None
    return tuple((p.tag.POS, frozenset(p.tag.grammemes)) for p in analyzer.parse(word)[:3])


def content_word(word: str) -> bool:
    """A word that names something — a noun, a proper name, or a word the dictionary does not
    know (a surname, a place, a transliteration) — as opposed to a verb, adverb or particle."""
    tags = _tags(word)
    if tags is None:
        return True
    return any(pos == "NOUN" or _NAME_TAGS & grammemes for pos, grammemes in tags)


def verb(word: str) -> bool:
    """The dictionary's likeliest reading of `word` is a verb, infinitive, short participle or
    gerund («выступала», «прошла»)."""
    tags = _tags(word)
    return bool(tags) and tags[0][0] in ("VERB", "INFN", "PRTS", "GRND")  # type: ignore[index]


def adjective(word: str) -> bool:
    """The dictionary's likeliest reading of `word` is an adjective or a participle
    («иностранных», «молодёжном»)."""
    tags = _tags(word)
    return bool(tags) and tags[0][0] in ("ADJF", "PRTF")  # type: ignore[index]


def known_word(word: str) -> bool:
    """The Russian dictionary knows the word (a word without Russian letters counts as known:
    it is no Russian typo)."""
    return _tags(word) is not None


def known_place(word: str) -> bool:
    """The dictionary knows the word as a place («барнаул», «казань»): a name even when typed
    in lower case (a person's name may also be a word: «kim», «may»)."""
    tags = _tags(word)
    return bool(tags) and any("Geox" in grammemes for _, grammemes in tags[:2])  # type: ignore[union-attr]


def proper_name(word: str) -> bool:
    """A name of a person, place or organization as the dictionary knows it («Москве»,
    «Лидия», «Иванова»), or a word it does not know at all (most surnames and places)."""
    tags = _tags(word)
    return tags is None or any(_NAME_TAGS & grammemes for _, grammemes in tags[:2])


def person_name_part(word: str) -> bool:
    """A first name, patronymic or surname as the dictionary knows it («Дмитрий», «Pavel»), or
    a word it does not know (most Kazakh names): it may be part of someone's name."""
    if re.fullmatch("[a-z'’-]+", word.casefold()):
        word = to_cyrillic(word)
    tags = _tags(word)
    return tags is None or any({"Name", "Surn", "Patr"} & grammemes for _, grammemes in tags[:2])


@lru_cache(maxsize=50_000)
def place_word(word: str) -> bool:
    """A word the dictionary takes for a place name («Омске», «Уральск»), known or guessed."""
    word = word.casefold().replace("ё", "е")
    if not re.search("[а-я]", word):
        return False
    return any("Geox" in p.tag.grammemes for p in _analyzer().parse(word)[:2])


@lru_cache(maxsize=50_000)  # bounded: users can type any number of distinct words
def _parses(word: str) -> tuple[Any, ...]:
    """The dictionary's readings of a word, most likely first (each question reads a few
    words several times over, and the same words come back in many questions)."""
    return tuple(_analyzer().parse(word))


def said_of_gender(text: str) -> str | None:
    """«femn» or «masc» when the text's past-tense verbs or «такой/такая» say whom it speaks
    of («Выступала ли Сапарова …?» is about a woman); None when they do not, or disagree."""
    genders, verbs, things = set(), set(), set()
    for word in re.findall(r"[а-яё]+", text.casefold()):
        if word in _SUCH:  # «кто такой» asks of a man: never «такой» as a woman's dative
            genders.add(_SUCH[word])
            continue
        parses = _parses(word)
        for parse in parses[:1]:
            tag = parse.tag
            if "VERB" in tag and "past" in tag and tag.gender:
                verbs.add(tag.gender)
            else:  # «должность» reads as the accusative first, as the nominative too
                things |= {p.tag.gender for p in parses if _common_subject(word, p.tag)}
    # «Какая тема была у Погорельского?»: the verb agrees with «тема», not with the person
    genders |= verbs - things
    return genders.pop() if len(genders) == 1 else None


def _common_subject(word: str, tag) -> bool:  # type: ignore[no-untyped-def]
    """A word the dictionary knows as a noun in the nominative singular that is no name
    («тема», «встреча»): a past verb of its gender may agree with it."""
    return (
        "NOUN" in tag
        and "nomn" in tag
        and "sing" in tag
        and bool(tag.gender)
        and not {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & tag.grammemes
        and _analyzer().word_is_known(word)
    )


_SUCH = {"такой": "masc", "такая": "femn"}


def in_past_tense(text: str) -> bool:
    """A verb or participle of the Russian text is in the past tense («выступала», «прошёл»,
    «прошедшее»)."""
    return any(
        ({"VERB", "PRTF", "PRTS"} & (tag := parse.tag).grammemes) and "past" in tag
        for word in re.findall(r"[а-яё]+", text.casefold())
        for parse in _parses(word)[:1]
    )


def names_the_subject(text: str) -> bool:
    """The text's verb is in the present or future third person singular and no «кто»
    stands for its subject («Чем занимается Жумабаева?», «Где работает Исмаилова?»): the name
    beside it is in the nominative, so «Жумабаева» is Динара, not Кайрат Жумабаев's genitive."""
    words = re.findall(r"[а-яё]+", text.casefold())
    if "кто" in words:
        return False
    for word in words:
        for parse in _parses(word)[:1]:
            tag = parse.tag
            if "VERB" in tag and "3per" in tag and "sing" in tag and tag.tense != "past":
                return True
    return False


def may_be_misspelt_name(forms: Forms) -> bool:
    """A word (given by its forms) that typo correction may touch: none of its forms is a word
    the dictionary knows as something that names nothing («находится», «поднимала»)."""
    return not any(_tags(f) and not content_word(f) for f in forms)


def names_nothing(forms: Forms) -> bool:
    """A word (given by its forms) that the dictionary knows as a verb, adverb or particle
    («делал», «выступала»): it may share a stem with a name («дел» — «по делам»), but names
    nothing. Judged by its whole forms (a stem that begins another form is left out), each
    by its likeliest reading: «встречу» is also «встреча», so it names something."""
    whole = [f for f in forms if not any(o != f and o.startswith(f) for o in forms)]
    known = [tags for f in whole if (tags := _tags(f))]
    return bool(known) and all(tags[0][0] in _NAMELESS_POS for tags in known)
