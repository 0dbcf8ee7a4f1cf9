"""Is it news prose? A config file, a list of numbers, code, a table or a page of links
is refused with a clear ``not-an-article`` error instead of getting a box.

Three measures of the cleaned text (words: in its first ``SAMPLE_CHARS``), in any
language (no word lists), each with a limit far from every real article seen (the 3,212
articles of the tune files, the 44 shared pages and the example) and far from what it
refuses:

- words: the share of its whitespace-separated tokens that are words (letters, perhaps
  with a hyphen or an apostrophe inside): articles 69-100%; ``/etc/shadow``, a list of
  numbers or a CSV table 0-11%;
- code: the share of its characters that code and configuration are made of (``{}[]<>=;
  _#$|\\*^~```): articles at most 2.3% (a page's leftover tracking script included);
  source files, configuration and Markdown 3-9%;
- finished sentences: the share of its words in sentences that end with a final mark:
  articles 36-100% (a results table inside a sports story); a list of headlines or links,
  a table, 0%.

First, text written mostly in a script without spaces between words (Chinese, Japanese,
Thai, Lao, Khmer, Burmese, Tibetan) is refused as ``unsupported-script``: every stage
after this one counts, compares and cuts words at spaces. Its tokens are not words by
the measures above, and it was refused as "a list of numbers, a table?", which it is not.
The script is judged twice (``check_script``): on the text as read, before cleaning and
before any count of words, since cleaning may cut it all (a Chinese line repeated was
taken for the headline, every repeat was cut as it, and the text was refused as too
short); and here, on the story cleaned, since a page's boilerplate in a spaced language,
which cleaning cuts, may have held most of the letters read. A page no body can be taken
from is judged on what it shows (``ingest.html``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from intisari.errors import NotAnArticle, UnsupportedScript
from intisari.language.script import FINAL_MARKS, WORD_MARKS

__all__ = [
    "LETTERS_PER_SYLLABLE",
    "MAX_CODE_SHARE",
    "MAX_UNSPACED_SHARE",
    "MIN_FINISHED_SHARE",
    "MIN_WORD_SHARE",
    "SAMPLE_CHARS",
    "check_prose",
    "check_script",
]

#: Tokens and characters are counted in this many first characters: a page's opening is
#: enough to tell prose from a table or code, and a long article costs no more than a
#: short one.
SAMPLE_CHARS = 2000
#: Least share of tokens that are words (articles: 0.69 and more; see the module's doc).
MIN_WORD_SHARE = 0.5
#: Largest share of characters that are code symbols (articles: 0.023 at most).
MAX_CODE_SHARE = 0.035
#: Least share of words in finished sentences (articles: 0.36 and more).
MIN_FINISHED_SHARE = 0.2

#: Largest share of a text's letters in scripts written without spaces between words:
#: an article in a spaced language may quote a name in Chinese or Thai; past half, the
#: text is written in such a script.
MAX_UNSPACED_SHARE = 0.5
#: A Han character or a kana is a syllable, which a spaced language spells in about this
#: many letters (letters per group of vowels: 2.55 in the Indonesian tune articles, 2.85
#: in the English), and each is counted as that many letters. Counted as one, a Chinese
#: story's opening under a page's English menu and share buttons (47 characters, 56
#: letters) was a spaced text, and refused as too short.
LETTERS_PER_SYLLABLE = 2.5
#: Scripts written without spaces between words, by Unicode block, with the name the
#: error gives.
_UNSPACED_SCRIPTS = {
    "Han (Chinese, Japanese)": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "Japanese (kana)": "\u3040-\u30ff",
    "Thai": "\u0e00-\u0e7f",
    "Lao": "\u0e80-\u0eff",
    "Tibetan": "\u0f00-\u0fff",
    "Burmese": "\u1000-\u109f",
    "Khmer": "\u1780-\u17ff",
}
_UNSPACED = {name: re.compile(f"[{block}]") for name, block in _UNSPACED_SCRIPTS.items()}
_UNSPACED_ANY = re.compile(f"[{''.join(_UNSPACED_SCRIPTS.values())}]")
_SYLLABLE = re.compile(
    f"[{_UNSPACED_SCRIPTS['Han (Chinese, Japanese)']}{_UNSPACED_SCRIPTS['Japanese (kana)']}]"
)
_LETTER = re.compile(r"[^\W\d_]")
#: A token that is a word: letters (and the vowel signs inside them: "प्राण"), perhaps
#: joined by a hyphen or an apostrophe, between punctuation, from whitespace to
#: whitespace (one search over the text counts them all).
_LETTERS = rf"(?:[^\W\d_]|[{WORD_MARKS}])+"
_WORD = re.compile(rf"(?<!\S)[^\w\s]*{_LETTERS}(?:[-'’]{_LETTERS})*[^\w\s]*(?!\S)")
_CODE = re.compile(r"[{}\[\]<>=;_#$|\\*^~`]")
#: A finished sentence ends with one of these, perhaps closed by quotes or brackets.
_FINAL = frozenset(FINAL_MARKS)
_CLOSERS = "\"”’')]»"


def check_prose(text: str, sentences: Sequence[str], min_words: int) -> None:
    """Raise ``NotAnArticle`` (one line, saying why) unless ``text`` reads as prose.

    ``sentences``: the text's sentences, as the segmenter split them. Sentences are only
    judged in a text of ``min_words`` or more: a shorter one is refused as too short
    (a config file of eight lines is still not an article: its tokens say so).
    """
    sample = text[:SAMPLE_CHARS]
    tokens = sample.split()
    if not tokens:
        return  # Too short is said elsewhere, with its own error.
    check_script(sample)
    # Most tokens of prose are plain words: counting those (in C) settles most texts;
    # only a text short of them is counted exactly, punctuation and hyphens allowed.
    words = sum(map(str.isalpha, tokens))
    if words < MIN_WORD_SHARE * len(tokens):
        words = len(_WORD.findall(sample))
    if words < MIN_WORD_SHARE * len(tokens):
        raise NotAnArticle(
            f"this is not an article: only {words} of its first {len(tokens)} tokens are words "
            "(a list of numbers, a table, a configuration file?)"
        )
    # Over the whole text (one cheap search): a page's leftover script is a small part of
    # a long article but may fill its opening.
    characters = len(text) - text.count(" ") - text.count("\n")
    symbols = len(_CODE.findall(text))
    if symbols > MAX_CODE_SHARE * characters:
        raise NotAnArticle(
            f"this is not an article: it reads as code or configuration ({symbols} of its "
            f"{characters} characters are code symbols)"
        )
    lengths = [sentence.count(" ") + 1 for sentence in sentences]
    if sum(lengths) < min_words:
        return
    finished = sum(
        n for n, s in zip(lengths, sentences, strict=True) if s.rstrip(_CLOSERS)[-1:] in _FINAL
    )
    if finished < MIN_FINISHED_SHARE * sum(lengths):
        raise NotAnArticle(
            f"this is not an article: only {finished} of its {sum(lengths)} words are in "
            "finished sentences (a list of headlines or links, a table?)"
        )


def check_script(text: str) -> None:
    """Raise ``UnsupportedScript`` when most letters of ``text`` (its first
    ``SAMPLE_CHARS``; a Han character or a kana weighs ``LETTERS_PER_SYLLABLE``) are in a
    script written without spaces between words (one search when none is: most texts).
    A text with a letter in it is long enough to say which script it is in: its reader
    is told that, not that it is too short."""
    sample = text[:SAMPLE_CHARS]
    # Every script of ``_UNSPACED_SCRIPTS`` is outside ASCII: a sample all in ASCII (most
    # texts) holds none, which ``isascii`` tells without the regular expression's scan.
    if sample.isascii() or _UNSPACED_ANY.search(sample) is None:
        return
    # Han and kana count once as letters already; this is the rest of their weight.
    weight = (LETTERS_PER_SYLLABLE - 1) * len(_SYLLABLE.findall(sample))
    unspaced = len(_UNSPACED_ANY.findall(sample)) + weight
    if unspaced <= MAX_UNSPACED_SHARE * (len(_LETTER.findall(sample)) + weight):
        return
    script = max(_UNSPACED, key=lambda name: len(_UNSPACED[name].findall(sample)))
    raise UnsupportedScript(
        f"this text is written in {script} script, without spaces between words: Intisari "
        "reads languages written with spaces (Indonesian, English and others)"
    )
