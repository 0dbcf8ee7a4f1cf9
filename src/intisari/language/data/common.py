"""Shapes every language's news shares: datelines, photo credits, links.

These are typography, not words of a language: an English page of an Indonesian outlet
opens "TEMPO.CO, Jakarta - ", an AP story "VIENNA — ", and a photo credit reads
"(ANTARA FOTO/...)" or "AP Photo/..." whatever the article's language. Each language's
module adds them to its own rules (``id.DATELINES = common.DATELINES + ...``); nothing in
this module runs.

Every pattern is matched at the start of a bounded window of text (``DATELINE_WINDOW``
characters for datelines) and has no quantifier nested over the same characters, so
its cost grows linearly with the text it reads.
"""

from __future__ import annotations

from intisari.language.script import CASELESS, UPPER, WORD_MARKS

__all__ = [
    "CREDITS",
    "CREDIT_TRIGGERS",
    "DATELINES",
    "DATELINE_WINDOW",
    "LINK",
    "NOISE_LINES",
    "STORY_START",
]

#: Datelines are looked for in this many first characters of a paragraph: the longest
#: real one ("LONDON, England (CNN Student News) -- ") is under 60.
DATELINE_WINDOW = 100
#: Longest publisher's note (characters after its colon: "Correction, Nov. 15, 2019:
#: ...", "Ralat: ...") cut as a line: slate.com's correction has 140. A longer "line" is
#: an article without paragraph breaks (CNN's) that opens with an editor's note.
MAX_NOTE_CHARS = 400

#: A capital letter of any cased script ("ÉVRY", "İSTANBUL", "МОСКВА", "ΑΘΗΝΑ"): ASCII's
#: alone left the datelines of French, Turkish, Russian and Greek news in their boxes.
_UP = f"[{UPPER}]"
#: A capitalised word of a place or an outlet: "Jakarta", "NTB", "TEMPO.CO", "N.Y.",
#: "Bangsa-Bangsa/PBB" (ANTARA's "Perserikatan Bangsa-Bangsa/PBB, New York (ANTARA News)
#: - ", indosum.tune: a reader's report of a bullet opening with it). A hyphen or a
#: slash joins capitalised parts only: "Eks-pemain AC Milan, Pierre - Emerick ..." is a
#: sentence.
_NAME = rf"{_UP}[\w.&'’]*(?:[-/]{_UP}[\w.&'’]*)*"
#: A place or outlet of one to four such words: "Kuala Lumpur", "CNN Indonesia".
_PLACE = rf"{_NAME}(?: {_NAME}){{0,3}}"
#: A place in any script, a script without capitals included ("دمشق، سوريا"): only
#: before a source in brackets, which no sentence of such a script opens with.
_ANY_WORD = rf"[{UPPER}{CASELESS}][\w.&'’{WORD_MARKS}]*"
_ANY_NAME = rf"{_ANY_WORD}(?:[-/]{_ANY_WORD})*"
_ANY_PLACE = rf"{_ANY_NAME}(?: {_ANY_NAME}){{0,3}}"
#: A comma, Latin or Arabic.
_COMMA = r"\s*[,،]\s*"
#: A place in capitals: one word of four letters or more, or several words ("GO - JEK
#: akan ..." is IndoSum's spacing of a brand, not a dateline).
_CAPITALS = (
    rf"(?:{_UP}[{UPPER}.&'’]{{3,}}|{_UP}{{2,}}(?= {_UP}{{2,}}))(?: {_UP}[{UPPER}.&'’]+){{0,3}}"
)
#: An outlet's domain: "Liputan6.com", "OUTLET.CO.ID", "JUARA.NET", "blokTuban.com".
_DOMAIN = r"[A-Za-z][\w-]*(?:\.[A-Za-z]{2,4}){1,2}"
#: The source in brackets: "(Reuters)", "(ANTARA News)", "(Pos Kota)".
_SOURCE = r"\([^()\n]{2,30}\)"
#: The dash that closes a dateline: "-", "--", "–", "—", with or without a space after
#: a double dash ("JAKARTA --Hingga"); a single hyphen needs a space on one side at
#: least, so a hyphenated word ("Jakarta-Bandung") never closes one, while Pos Kota's and
#: Sindonews' "JAKARTA (Pos Kota) -Ketua Umum ..." and "JAKARTA -Wakil Presiden ..." do
#: (indosum.tune: 6 bullets opened with them).
_DASH = r"\s*(?:--|[–—]{1,2}\s*|-\s|(?<=\s)-)\s*"
_HYPHEN = r"\s+(?:--|-)\s+"
#: What follows a dateline: the story's first word, which is capitalised ("iPhone" has a
#: capital inside), a number or a quotation, or nothing (the dateline alone on its line).
#: A word in lower case after the dash makes the dash an aside's: "Adults -- some
#: carrying single white roses ... -- watched ..." (cnn.tune), "Pengembangnya, Astro HQ –
#: yang dibentuk oleh mantan engineer Apple – kembali hadir ..." (indosum.tune).
STORY_START = rf"(?=$|[\"“'‘(\[\d{CASELESS}]|[^\W\d_]*{_UP})"

# The forms, each anchored at the start of a paragraph:
#: "Mataram, NTB (ANTARA News) - ", "JAKARTA (Pos Kota) – ", "LONDON, England (Reuters)
#: - ", "WASHINGTON (CNN) -- ", "Mangupura, (Metrobali.com)- ", "SEOUL, Aug. 20 (Yonhap)
#: -- " (a day after the month: newspaper4k's yna.co.kr page kept it, and its lead could
#: be no bullet), the source alone, "(CNN) -- ", and "دمشق، سوريا (CNN) -- " (CNN Arabic).
_WITH_SOURCE = (
    rf"(?:(?:{_ANY_PLACE}{_COMMA})?{_ANY_PLACE}(?: \d{{1,2}})?\s*[,،]?\s*)?"
    rf"{_SOURCE}{_DASH}{STORY_START}"
)
#: "Jakarta, CNN Indonesia -- ", "Liputan6.com, Jakarta - ", "CLEVELAND, Ohio – ".
_PLACE_AND_OUTLET = rf"{_PLACE}\s*,\s*{_PLACE}{_DASH}{STORY_START}"
#: "VIENNA — ", "NEW YORK — ", "KOREA SELATAN – ".
_PLACE_IN_CAPITALS = rf"{_CAPITALS}{_DASH}{STORY_START}"
#: "Merdeka.com - ", "Jakarta - " (detik): one word and a hyphen. An en or em dash after
#: a capitalised word is an aside in English ("Trump — who ..."), not a dateline.
_ONE_WORD = rf"(?:{_DOMAIN}|[A-Z][\w.&'’]{{3,}}){_HYPHEN}{STORY_START}"
#: "Outlet.com, Kota: ", "Jakarta, Indonesia: ".
_WITH_COLON = rf"(?:{_DOMAIN}|{_NAME})\s*,\s*{_PLACE}:\s+{STORY_START}"

#: "Liputan6.com, Jakarta London Love Story, film kedua ...": the outlet's domain and
#: one word of place, set in bold with no dash, then the story. Without a dash the place
#: cannot be told from the story's first words, so only one word is taken, and only
#: after a domain (tried last: "JUARA.NET, KUALA LUMPUR - " is a dash form).
_DOMAIN_AND_PLACE = rf"{_DOMAIN}\s*,\s*{_NAME}\s+(?=[A-Z\"“])"

#: "МОСКВА, 24 августа. /ТАСС/. " and 'ПАРК "ПАТРИОТ" /Московская область/, 24 августа.
#: / ТАСС/. ' (TASS: a place, perhaps its region between slashes, the day, the agency
#: between slashes); "МОСКВА, 24 авг — РИА Новости. " (RIA Novosti: the agency after a
#: dash, then a full stop).
_AGENCY_BETWEEN_SLASHES = (
    rf"[^\n/]{{2,60}}?(?:/[^/\n]{{2,40}}/)?{_COMMA}\d{{1,2}}\s+[^\W\d_]+\.\s*"
    rf"/\s*{_UP}[^/\n]{{1,20}}?/\.?\s*{STORY_START}"
)
_AGENCY_AFTER_DATE = (
    rf"{_PLACE}{_COMMA}\d{{1,2}}\s+[^\W\d_]+\.?\s*[–—]\s*{_PLACE}\.\s+{STORY_START}"
)

#: "CNN —", "New York CNN —", "Washington CNN —": cnn.com's layout of the 2020s sets the
#: place and the outlet, in any case, on a line of their own above the story (three pages
#: outside the shared set). Alone on its line a dash closes no aside ("Trump — who ..."
#: has words after it), so an en or em dash after one to four capitalised words is a
#: dateline there, and only there: the form ends the line.
_ALONE = rf"{_PLACE}\s*[–—]{{1,2}}\s*$"

#: Datelines opening the body, one alternative per form.
DATELINES: tuple[str, ...] = (
    _WITH_SOURCE, _PLACE_AND_OUTLET, _PLACE_IN_CAPITALS, _ONE_WORD, _WITH_COLON,
    _DOMAIN_AND_PLACE, _ALONE, _AGENCY_BETWEEN_SLASHES, _AGENCY_AFTER_DATE,
)

#: Photo credits that read the same in every language: an agency's name with "FOTO",
#: "Photo" or a slash ("(ANTARA FOTO/Sigid Kurniawan)", "AP Photo/Evan Vucci",
#: "REUTERS/Kevin Lamarque", "Getty Images"). A language adds its own words ("Foto: ...").
#: Searched anywhere in a line, ignoring case.
CREDITS: tuple[str, ...] = (
    r"\(\s*(?:antara|ant)\s+foto\s*/",
    r"\bgetty\s+images\b",
    r"\b(?:ap|afp|reuters|epa|xinhua|antara)\s+(?:photo|foto)\b",
    r"\b(?:reuters|afp|epa)/\s*[A-Z]",
    r"\b(?:shutterstock|istockphoto)\b",
    # An outlet's own photographer after its domain or its name and a slash, in brackets
    # closing a caption: "(KOMPAS.com/KRISTIANTO PURNOMO)", "(Tribunnews.com/Jeprima)",
    # "(CNN Indonesia/Adhi Wicaksono)" (kompas.com, tribunnews.com, cnnindonesia.com today).
    r"\(\s*[\w-]+\.(?:com|co\.id|id|net|tv)/[^()/\n]{2,40}\)",
    r"\(\s*cnn indonesia/[^()/\n]{2,40}\)",
)
#: Every ``CREDITS`` match holds one of these, once lower-cased ("epa" alone would be in
#: "kepada", "depan", "cepat": every line would be searched).
CREDIT_TRIGGERS: tuple[str, ...] = (
    "foto", "photo", "getty", "reuters/", "afp/", "epa/", "shutterstock", "istockphoto",
    ".com/", ".id/", ".net/", ".tv/", "cnn indonesia/",
)

#: An e-mail address: the local part, "@", a domain of two to five labels.
_EMAIL = r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"
#: The wire's mark that the story ends: Yonhap's "(END)", in capitals (``_END_MARK_REST``:
#: what follows its opening bracket).
_END_MARK_REST = r"(?-i:END)\)"
_END_MARK = rf"\({_END_MARK_REST}"
#: A trademark sign opening a syndicated story's copyright line: "™ & © 2013 Cable News
#: Network, Inc., a Time Warner Company. All rights reserved." (CNN's wire, on fox13now.com,
#: a page outside the shared set; the copyright rule cut "© 2013 ..." and left "™ &").
_TRADEMARK = r"(?:[™®]\s*&?\s*)?"

#: Whole lines that are not story in any language (matched as ``noise_lines``: the whole
#: line, ignoring case): the copyright line, and a line that is only a link.
NOISE_LINES: tuple[tuple[str, str], ...] = (
    ("site-footer", rf"{_TRADEMARK}(?:copyright|©)\s.{{0,120}}"),
    ("related-link", r"\S*(?:https?://|www\.)\S*"),
    # The reporter's address closing the story, alone or after a name of up to three
    # words, and the wire's end mark: "kokobj@yna.co.kr" and "(END)" (yna.co.kr), "최윤호
    # 기자 uknow@donga.com" (donga.com; pages outside the shared set). A sentence that
    # gives an address has more words before it.
    ("byline", rf"(?:[^\s@]+ ){{0,3}}+{_EMAIL}\.?(?: {_END_MARK})?"),
    ("site-footer", _END_MARK),
    # A news agency's name alone on a line under the story, crediting it: "ANTARA" closing
    # en.tempo.co's story (among the shared pages, outside its marked body).
    ("byline", r"\(?(?:antara|reuters|afp|ap|xinhua|bernama|dpa)\)?"),
    # A reference list's entry, opened by the caret that links back to where it is cited:
    # "^ Pezzotti, Nicola; Lelieveldt, Boudewijn P. F.; ..." (en.wikipedia.org, a page
    # outside the shared set: one was a bullet).
    ("related-link", r"\^\s.*"),
    # A figure's caption, opened by its label: "Figure 3: Human runs the why loop, agent
    # runs the how loop." (martinfowler.com, a page outside the shared set, had it as a
    # bullet), "Gambar 2: ...", "Tabel 1: ...", "Abb. 1: ...".
    ("caption", r"(?:figure|fig\.|gambar|grafik|tabel|table|chart|abbildung|abb\.)\s*\d{1,3}"
     r"[a-z]?\s*:\s.*"),
    # A report-a-typo prompt, whose key chord reads the same in every language: "Iezīmējiet
    # tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!"
    # (lsm.lv, a page outside the shared set; Russian sites' "... нажмите Ctrl+Enter").
    # (Possessive runs up to the "+": no backtracking, a tenth of ".{0,200}"'s cost on
    # the lines of the tune files.)
    (
        "site-prompt",
        r"(?:[^+]{0,200}+(?<=\bctrl)|[^+]{0,200}+(?<=\bctrl ))\+\s?enter\b.*",
    ),
)

#: Closing the article in any language (``trailers``): a syndicated story's copyright
#: line, glued to the last sentence where a feed has no paragraph breaks ("... when
#: contacted by THR. ©2015 The Hollywood Reporter. All rights reserved.", "Copyright ©
#: 2015 Rolling Stone.": 14 CNN tune articles; in one it closed a bullet). The copyright
#: line opens with a lookahead for the characters it can start with, case kept ("™", "®",
#: "©", "(c)", "copyright", "Copyright"): trailers are searched ignoring case, so no
#: first character lets the search skip ahead, and each character of the window tried the
#: optional openings one after the other; the lookahead turns most away at once (5.1 ->
#: 1.4 us an article, timeit on the trailer searches of 600 tune articles). The wire's
#: end mark opens with its bracket and looks behind it for the sentence's end, so the
#: search looks for the bracket first (1.1 -> 0.2 us).
TRAILERS: tuple[tuple[str, str], ...] = (
    ("site-footer", rf"(?=(?-i:[™®©(cC])){_TRADEMARK}(?:copyright\s*)?(?:©|\(c\))\s*\d{{4}}\b"
                    r"[^©]{0,60}?\.(?:\s*all rights reserved\.)?"),
    # The reporter's address and the wire's end mark glued to the last sentence where a
    # feed has no paragraph breaks: "... talks to resume. kokobj@yna.co.kr (END)".
    ("byline", rf"(?<=[.!?\"”’)] )(?:[^\s@]+ ){{0,3}}{_EMAIL}\.?(?: {_END_MARK})?"),
    ("site-footer", rf"\((?<=[.!?\"”’)] \(){_END_MARK_REST}"),
)

#: A URL or an e-mail address. The e-mail's local part starts where a run of its
#: characters starts (the lookbehind), so a long word is read once, not from every letter.
#: Story text never holds these, in any language: a bare address or a social handle
#: (``RELATED_LINK_CUES`` adds them to the languages' own cues), each after the words it
#: holds (as ``LanguageData.related_link_cues``).
ADDRESS_CUES = (("http", r"https?://"), ("www", r"www\."), ("@", r"(?:^|\s)@\w"))
#: A pipe between spaces: it parts a page's crumbs, bylines and menu items ("24. März
#: 2004, 19:49 | Genesis Kapitel 121 ist nun auch online.": love-hina.ch, a page outside
#: the shared set, whose byline was glued to its first sentence); story prose never
#: writes one (no sentence of the 3,212 tune articles does).
FURNITURE_CUES = (("|", r"\s\|\s"),)

LINK = (
    r"\bhttps?://\S|\bwww\.\w"
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"
)
