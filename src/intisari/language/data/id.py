"""Indonesian (Bahasa Indonesia): the first language of Intisari."""

from __future__ import annotations

from intisari.language.model import LanguageData

__all__ = ["DATA"]

ABBREVIATIONS = frozenset(
    # Places and administration.
    "kab kec kel ds dsn jl jln gg kota prov rt rw no nomor kp kav blok kompl".split()
    # Companies and money.
    + "tbk pt cv ud persero rp usd ltd inc corp co".split()
    # Titles and forms of address.
    + "sdr sdri bpk bp ibu h hj dr drs dra ir prof kh kyai pdt ust ustz tn ny nn yth mr mrs ms".split()
    + "st sh mh mm msi mpd spd se si ssi sos skm amd ak mkn mba phd sp kom".split()
    # Military and police ranks.
    + "jend letjen mayjen brigjen kol letkol mayor kapt lettu letda serka kompol akbp iptu ipda".split()
    # Common written abbreviations.
    + "dll dsb dst dkk tsb yl ybs sbg a.n an u.p up hlm tgl thn kg km cm mm ha jt rb".split()
    + "sept okt nov des jan feb mar apr agu ags agt jun jul".split()
    + "vs etc al e.g i.e hal ttd".split()
)

STOPWORDS = frozenset(
    """
    ada adalah agar akan akhirnya aku anda antara apa apabila atas atau bagai bagaimana bagi
    bahkan bahwa baik banyak baru begitu beliau belum berada berbagai beri bersama besar bila
    bisa boleh buat bukan cukup dalam dan dapat dari daripada demi dengan di dia dilakukan
    diri ditempat dua hal hanya harus hingga ia ialah ikut ini itu jadi jika juga jumat kali
    kalau kami kamu karena kata ke kecil kembali kemudian kepada ketika kini kita lagi lain
    lalu lama lebih lewat maka mampu masih masing mau melakukan memang mempunyai menjadi
    menurut mereka merupakan meski milik mulai namun nya oleh pada para pernah pula pun
    saat saja salah sama sampai sangat satu saya sebab sebagai sebelum sedang sedangkan
    sehingga sejak sekitar selain selalu semua sendiri seperti serta sesudah setelah setiap
    sudah supaya tak tanpa tapi telah tentang terhadap termasuk tersebut tetapi tidak tiga
    untuk waktu yaitu yakni yang
    """.split()
)

DANGLING_OPENERS = frozenset(
    """
    namun tetapi tapi sedangkan padahal sementara itu selain sehingga karenanya oleh karena
    maka lalu kemudian selanjutnya akhirnya bahkan apalagi justru meski meskipun walau walaupun
    sebaliknya begitu pula juga dia ia mereka beliau nya hal tersebut ini itu dengan demikian
    kendati pun adapun sebelumnya
    """.split()
)

MARKER_WORDS = frozenset(
    # Words Indonesian news uses where Malay says something else (karena/kerana,
    # bisa/boleh, setelah/selepas, saja/sahaja, uang/wang, pemerintah/kerajaan, ...).
    """
    karena bisa setelah saja uang pemerintah kantor sekarang tidak nggak sudah mengatakan
    menyebutkan ujar jakarta kabupaten provinsi presiden polisi rupiah wib
    """.split()
)

SPEECH_VERBS = frozenset(
    "kata ujar ucap ungkap jelas tutur tegas imbuh tambah sebut papar terang pungkas "
    "katanya ujarnya ucapnya ungkapnya jelasnya tuturnya tegasnya imbuhnya tambahnya "
    "sebutnya paparnya terangnya pungkasnya lanjutnya lanjut".split()
)

NOISE_LINES: tuple[tuple[str, str], ...] = (
    # Links to other stories, in every form Indonesian sites print them.
    ("related-link", r"\[?\s*(baca|lihat|simak|cek)\s+(juga|pula|selengkapnya|berita)\b.*"),
    ("related-link", r"(?-i:MEMBACA|BACA)\b\s+\S.*"),
    ("related-link", r"(berita|artikel)\s+(terkait|lainnya|pilihan)\s*:?.*"),
    ("related-link", r"(simak|saksikan|tonton)\s+(juga\s+)?(video|live|siaran)\b.*"),
    # Aggregator and site notices about AI summaries.
    (
        "ai-notice",
        r".*\b(AI|kecerdasan buatan)\b.*\b(ringkasan|rangkuman|intisari)\b.*"
        r"\b(akurat|kekeliruan|keliru|kesalahan)\b.*",
    ),
    ("box-heading", r"intisari\s+utama\s*:?"),
    # Prompts to follow the site, advertising, and copy-paste artefacts.
    ("site-prompt", r"(dapatkan|ikuti)\s+(update|berita|informasi|kami)\b.*"),
    ("site-prompt", r".*\b(google news|whatsapp channel|saluran whatsapp|telegram)\b.{0,40}"),
    ("advertisement", r"(advertisement|iklan|scroll to continue with content|sponsored)"),
    ("site-footer", r"\S+\.(id|com|co\.id|net|tv)\s+(adalah|merupakan)\s+(portal|situs|media)\b.*"),
    ("site-footer", r"artikel ini (telah )?(tayang|terbit|dimuat)\s+(di|pada)\b.*"),
    ("byline", r"(editor|penulis|reporter|pewarta|penyunting|sumber|foto)\s*:\s*[^.]{0,80}"),
    ("byline", r"\(\s*[a-z]{2,6}\s*/\s*[a-z]{2,6}\s*\)"),
)

DATELINES: tuple[str, ...] = (
    # "Jakarta, CNN Indonesia -- ", "JAKARTA, KOMPAS.com - ", "Liputan6.com, Jakarta - ",
    # "JUARA.NET, MISANO ADRIATICO - ", "Jakarta (ANTARA News) - ", "Suara.com - ".
    r"(?:[A-Z][\w.&'’]*(?:[ ,]{1,2}[A-Z][\w.&'’]*){0,5})\s*(?:\([A-Za-z .]{2,30}\))?\s*"
    r"[-–—]{1,2}\s+",
)

DATA = LanguageData(
    code="id",
    name="Indonesian",
    heading="Intisari Utama",
    notice=(
        "Intisari ini dibuat dengan AI dan mungkin tidak selalu akurat. "
        "Laporkan jika ada kekeliruan untuk membantu kami meningkatkan kualitas."
    ),
    report_label="Laporkan",
    abbreviations=ABBREVIATIONS,
    stopwords=STOPWORDS,
    dangling_openers=DANGLING_OPENERS,
    marker_words=MARKER_WORDS,
    noise_lines=NOISE_LINES,
    datelines=DATELINES,
    speech_verbs=SPEECH_VERBS,
)
