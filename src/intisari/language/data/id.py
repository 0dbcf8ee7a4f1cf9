"""Indonesian (Bahasa Indonesia): the first language of Intisari."""

from __future__ import annotations

from intisari.language.data import common
from intisari.language.model import LanguageData

__all__ = ["DATA"]

ABBREVIATIONS = frozenset(
    # Words that are abbreviated with a period in Indonesian news and are usually followed
    # by a name or a number, so the period does not end the sentence. Whole words ("kota",
    # "ibu") and units written without a period ("kg", "km") are deliberately absent: a
    # period after them ends a sentence.
    # Places and administration: "Kab. Bogor", "Kec. Cilandak", "Jl. Sudirman No. 5".
    "kab kec kel ds dsn jl jln gg prov rt rw no kp kav kompl".split()
    # Laws and documents: "UU No. 35", "Ps. 81", "Jo. Pasal", "hlm. 12", "tgl. 5".
    + "ps psl ay jo hlm tgl thn tel telp hp fax".split()
    # Companies and money: "PT. Persib", "Tbk.", "Rp. 5 juta", "USD. 10".
    + "tbk pt cv ud persero rp usd ltd inc corp co".split()
    # Titles and forms of address: "Sdr. Marcel", "H. Ahmad", "Hj. Siti", "Dr.", "Prof.".
    + "sdr sdri bpk bp h hj dr drs dra drg ir prof kh pdt ust ustz tn ny nn yth".split()
    # Acting officials: "Plt. Gubernur", "Pjs. Bupati Badung", "Pj. Wali Kota", "Plh. Kepala".
    + "plt pjs pj plh".split()
    + "mr mrs ms st".split()
    # Degrees after a name, written without inner dots ("SH.", "MSi.", "SE.").
    + "sh mh msi mpd spd se si ssi sos skm amd ak mkn mba phd sp kom".split()
    # Military and police ranks, when abbreviated with a period, and the police's mark
    # after a rank ("Kombes Pol. Erwanto Kurniadi", "Irjen Pol. ..."; IndoSum, where the
    # split had left a bullet without the speaker's office).
    + "jend letjen mayjen brigjen kol letkol kapt lettu letda serka kompol akbp iptu ipda".split()
    + ["pol"]
    # Written abbreviations inside a sentence: "a.n. Budi", "yth. Bapak", "tsb. di atas".
    + "tsb yl ybs sbg a.n u.p s.d a.l ttd".split()
    # Months: "5 Sept. 2017", "Jan. 2018".
    + "sept okt nov des jan feb mar apr agu ags agt jun jul".split()
    # Latin and English, common in Indonesian copy: "vs.", "e.g.", "et al.".
    + "vs al e.g i.e".split()
)

#: Abbreviations that close a list and so usually their sentence: "..., dan lain-lain."
FINAL_ABBREVIATIONS = frozenset("dll dsb dst dkk etc".split())

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
    namun tetapi tapi sedangkan padahal sementara itu sehingga karenanya oleh karena
    maka lalu kemudian selanjutnya akhirnya bahkan apalagi justru
    sebaliknya begitu pula juga dia ia mereka beliau nya tersebut ini itu dengan demikian
    pun adapun sebelumnya atau
    """.split()
)

#: Words ending in "-nya" that name no owner (``LanguageData.clitic_words``): sentence
#: adverbs and connectives ("Biasanya ...", "Sebelumnya ..."), and roots ("hanya",
#: "punya", "ditanya").
CLITIC_WORDS = frozenset(
    """
    sebelumnya selanjutnya setelahnya sesudahnya biasanya sebenarnya nantinya awalnya
    akhirnya sayangnya setidaknya sedikitnya rupanya tampaknya nampaknya agaknya kiranya
    seharusnya sebaiknya semestinya mestinya seyogyanya tadinya lazimnya umumnya utamanya
    khususnya tepatnya singkatnya sederhananya menariknya herannya untungnya anehnya
    uniknya tragisnya rencananya kabarnya katanya sepertinya rasanya kedengarannya
    pokoknya selebihnya hanya punya tanya ditanya bertanya menanya
    """.split()
)

#: A part of something an owner from before has (``LanguageData.part_openers``): "Salah
#: satu jawabannya tentu saja berkaitan dengan uang, ..." (IndoSum, a reader's report:
#: the answer to a question the box did not show), "Salah satu alasannya ...", "Beberapa
#: lagunya yang terkenal adalah ...". IndoSum's tune articles open 21 sentences so, its
#: reference summaries 2. ("Salah satunya ..." leans back as a word with "-nya".)
PART_OPENERS = frozenset({"salah satu", "beberapa", "sebagian", "sebagian besar"})

#: "Selain itu" and "Meski demikian" point back; "Selain menjadi juara, ..." and "Meski
#: hujan, ..." open a clause of their own sentence. "Hal ini" points back; "Hal yang
#: sama ..." does not either way, but is rare enough to leave to the ranker.
CLAUSE_OPENERS = frozenset(
    "selain meski meskipun walau walaupun kendati kendatipun hal".split()
)
DEMONSTRATIVES = frozenset("itu ini tersebut demikian begitu pun".split())

#: Openings that point back besides ``DANGLING_OPENERS``: "Itulah sebabnya ...",
#: "Menurutnya, ...", "Menurut dia, ..." (whose words?), "Tak heran, ...".
#: "Dalam kesempatan yang sama, Jokowi juga meminta ...", "Dari sumber yang sama, ...":
#: the occasion or source the sentence before named. Such a phrase only ties the
#: sentence to that one, so it is also one of ``DETACHABLE_OPENERS``.
SAME_OCCASION = frozenset(
    f"{preposition} {noun} yang sama"
    for preposition in ("dalam", "pada", "di", "dari")
    for noun in ("kesempatan", "saat", "waktu", "acara", "sumber", "hari")
)

#: Connectives that tie a sentence to the one before it and to nothing else: a referring
#: opener, and a detachable one when a name follows its comma ("Alhasil, Arema ...").
CONNECTIVE_PHRASES = frozenset(
    {"alhasil", "walhasil", "bagaimanapun", "bagaimanapun juga", "dengan kata lain"}
    # "Akibatnya, ..." and "Hasilnya, ..." (as a result), "Artinya, ..." and "Intinya, ..."
    # (that means, in short), "Makanya ..." (that is why), "Misalnya, ...", "Contohnya,
    # ..." and "Buktinya, ..." (for example, the proof): a word with "-nya" that stands for
    # what the sentence before said (IndoSum: 26 of 28 "Akibatnya" and 33 of 34
    # "Hasilnya" openings had been read as standing alone).
    | {"akibatnya", "hasilnya", "artinya", "intinya", "makanya", "misalnya", "contohnya",
       "buktinya"}
    # "Jadi, gak ada barter politik, ..." and "Jadi mi dan kuah menyatu," (so): the
    # conclusion of what the sentence before said (IndoSum opens 330 sentences with
    # "Jadi", 6 of them in a summary; a reader's report of a quotation cut to open there).
    | {"jadi"}
    # "Parahnya, ...", "Lebih parah lagi, ...", "Ditambah lagi, ..." (worse, moreover):
    # more of what the sentence before said (IndoSum opens 6 sentences so, none in a
    # summary).
    | {"parahnya", "lebih parah lagi", "lebih buruk lagi", "yang lebih parah", "ditambah lagi"}
)

#: Connectives set off by commas inside a sentence's first clause
#: (``LanguageData.interposed_connectives``): "Ed Sheeran, misalnya, sempat memamerkan
#: ..." (for example), "Gandelsman, sementara itu, mengatakan ..." (meanwhile),
#: "Ignatius, di sisi lain, menilai ..." (on the other hand; IndoSum). Not "namun": "Dia
#: biasa meminum obat penenang, namun, menurut polisi, ..." joins two clauses of its own.
INTERPOSED_CONNECTIVES = CONNECTIVE_PHRASES | frozenset(
    {"sementara itu", "di sisi lain", "sebaliknya", "dengan demikian", "karena itu",
     "oleh karena itu", "oleh sebab itu", "selain itu", "meski demikian", "meski begitu",
     "kendati demikian"}
)

REFERRING_OPENERS = frozenset(
    {"itulah", "inilah", "begitulah", "demikianlah", "menurutnya"}
    # "Jika ya, tentu Anda setuju ..." (if so): the answer to a question the sentence
    # before asked (IndoSum; a reader's report).
    | {"jika ya", "kalau ya", "bila ya", "jika iya", "kalau iya"}
    # "Tak heran, Dani optimistis ..." (no wonder): the reason was in the sentence before.
    | {"tak heran", "tidak heran"}
    # "Pasalnya, hasutan tersebut berpotensi ..." and "Sebab, ia bermain bersama ..."
    # (the reason being), and its casual form "Soalnya, cewek zaman sekarang ..."
    # (IndoSum; a reader's report): the reason of what the sentence before said.
    # (Without a comma, "Sebab ..." with no main clause is a fragment:
    # ``SUBORDINATORS``.) "Tak terkecuali saat Anda ..." (not excepted): an exception to
    # a rule stated before.
    | {"pasalnya", "soalnya", "sebab", "tak terkecuali", "tidak terkecuali"}
    # "Alasannya, ..." (the reason), "Tujuannya ..." (its aim): of what was said before.
    # "Pihaknya akan ..." (his side: the organisation of someone named before) and
    # "Dirinya mengaku ..." (he himself) as the sentence's first word; after "Edwin
    # mengatakan, ..." they are Edwin's, so they are no ``PERSON_PRONOUNS``.
    | {"alasannya", "tujuannya", "pihaknya", "dirinya"}
    # "Jawabannya ada di film dokumenter ..." (the answer), "Situasinya bertambah parah
    # ..." (the situation), "Solusinya, ..." (the solution), "Sisanya ..." (the rest):
    # a thing the sentence before named, its "-nya" the thing's. Each word as IndoSum's
    # texts open sentences with it; "Rencananya" and "Kabarnya" (the plan is, reportedly)
    # stand alone.
    | {
        "jawabannya", "situasinya", "solusinya", "masalahnya", "kuncinya", "caranya",
        "syaratnya", "bedanya", "penyebabnya", "harganya", "pengembangnya", "semuanya",
        "sisanya", "selebihnya",
    }
    # "Dan mereka menjadi satu-satunya negara ..." (and): adds to what came before.
    | {"dan"}
    # "Keduanya ditangkap ..." (the two of them), "Salah satunya ..." (one of them).
    | {"keduanya", "ketiganya", "salah satunya"}
    # "Di dalamnya ia membagi video ..." (in it: Emma Watson's Instagram account, named in
    # the sentence before; IndoSum, a reader's report), "Di atasnya ...": a place whose
    # "-nya" is a thing named before.
    | {f"di {side}nya" for side in (
        "dalam", "atas", "bawah", "samping", "belakang", "depan", "sekitar", "luar")}
    | {f"menurut {pronoun}" for pronoun in ("dia", "ia", "mereka", "beliau")}
    # "Dikatakannya, data kesehatan ...", "Lanjutnya, ..." (said he): whose words? The
    # speaker was named before (republika). The passive forms of saying and the
    # ``SPEECH_VERBS`` that hide their speaker in "-nya".
    | {
        f"di{verb}nya"
        for verb in (
            "katakan jelaskan tambahkan ungkapkan sebutkan tegaskan tuturkan paparkan "
            "terangkan sampaikan akui"
        ).split()
    }
    | {"katanya", "ujarnya", "ungkapnya", "jelasnya", "tuturnya", "tegasnya", "imbuhnya",
       "tambahnya", "sebutnya", "paparnya", "terangnya", "lanjutnya"}
    # "Yup, aktris cantik asal Jakarta ini ..." and "Tentu saja hal yang menggembirakan
    # ..." (of course): the answer to a question the article asked its reader before;
    # '"Iya seksi sebagai komoditas politik ...," kata ...' (yes): a speaker's answer to a
    # question the box does not show (IndoSum; a reader's report).
    | {"yup", "yap", "ya", "iya", "nah", "wah", "tentu saja"}
    # "Terlebih saat ini brand tidak cukup ..." (all the more): the sentence before said
    # what it builds on (IndoSum; a reader's report). Not "Tentu ..." (of course) nor
    # "Lain halnya dengan ..." (it is otherwise with), though a reader reported both: a
    # blind reader preferred the boxes with them, where they named the story's subject
    # ("Lain halnya dengan prototipe mesin bernama CaloRieco dari Panasonic ini.").
    | {"terlebih", "terlebih lagi"}
    # "Bukan dengan menunggangi motor, tapi sebagai manajer tim ..." (not by ..., but as
    # ...): how the sentence before goes on, often with no subject of its own (IndoSum; a
    # reader's report). Not "Bukan hanya ..." (not only), which opens a whole sentence.
    | {f"bukan {word}" for word in ("dengan", "karena", "sebagai", "untuk", "lewat", "melalui")}
    # "Alhasil, Arema sukses menambah keunggulan ..." (as a result), "Bagaimanapun, ..."
    # (whatever it was), "Dengan kata lain, ..." (in other words): the result, the
    # settling or the restating of what the sentence before said (IndoSum).
    | CONNECTIVE_PHRASES
    # "Di sanalah kamu bisa melihat ..." (right there): the place the sentence before named.
    | {f"{preposition} {place}{emphasis}"
       for preposition in ("di", "dari", "ke")
       for place in ("sana", "situ", "sini")
       for emphasis in ("", "lah")}
    | SAME_OCCASION
)
#: Demonstratives of the opening phrase: "Angket tersebut dinilai salah sasaran.",
#: "Kejadian itu saja sudah menyakitkan.", "Pernyataan ini keluar setelah ...".
#: "Pemandangan itulah yang ..." (that very view): "itu" and "ini" with their emphatic "-lah".
REFERRING_WORDS = frozenset({"tersebut", "itu", "ini", "itulah", "inilah"})
#: What makes a clause's predicate: after one, a demonstrative is in the predicate
#: ("Samsung sendiri belum memberi nama pada aplikasi barunya ini."), not in the noun
#: phrase that opens the sentence ("Pemain berusia 21 tahun itu tampil apik ...").
PREDICATE_WORDS = frozenset(
    "adalah merupakan ialah akan sudah telah masih sedang tengah tidak tak belum bukan "
    "harus bisa dapat mampu mau ingin sempat pernah perlu boleh".split()
)
#: Active "me-" (menyerahkan, mengatakan) and passive "di-" (dilakukan, ditangkap) verbs.
PREDICATE_PREFIXES = ("me", "di")
#: "Saat ini", "Selama ini", "Tahun ini", "Kali ini": a time, said from today.
TIME_WORDS = frozenset(
    "saat selama kali hari tahun minggu pekan bulan malam pagi siang sore musim masa "
    "sejauh sampai hingga kini dini".split()
)

#: Times said from today that hold a demonstrative: "Baru-baru ini Samsung mengumumkan
#: ...", "Belum lama ini GO-JEK ...", "Belakangan ini, harga ...": recently, not "this"
#: of something said before (``LanguageData.time_phrases``).
TIME_PHRASES = frozenset(
    {"baru baru ini", "belum lama ini", "belakangan ini", "akhir akhir ini", "dewasa ini"}
)

#: Personal pronouns: readable after any earlier takeaway naming someone (see
#: ``LanguageData.person_pronouns``). Worth +0.24 IndoSum ROUGE-1, cross-validated.
#: "Menurutnya" and "Menurut dia" are a person too.
PERSON_PRONOUNS = frozenset(
    {"ia", "dia", "mereka", "beliau", "menurutnya"}
    | {f"menurut {pronoun}" for pronoun in ("dia", "ia", "mereka", "beliau")}
    | SAME_OCCASION
)

#: Words that open a place's or an institution's name (``LanguageData.place_heads``).
PLACE_HEADS = frozenset(
    "bandara gunung kota kabupaten provinsi pulau sungai jalan desa kecamatan kelurahan "
    "danau pantai selat laut teluk stasiun pelabuhan terminal universitas institut "
    "rumah sakit rs masjid gereja pura candi taman hotel pasar kampung dusun tol "
    # Institutions: "Kepolisian Resor Jember melalui anggota Kepolisian Sektor Sukowono
    # menangkap ..." names no one "Menurutnya ..." can mean (IndoSum; a reader's report).
    "kepolisian polres polsek polda polresta polrestabes kementerian dinas badan komisi "
    "pemerintah pemkot pemkab pemprov pengadilan kejaksaan mahkamah".split()
)

#: Openings that continue a list or a sentence: "Mulai dari kehadiran banyak layanan
#: digital hingga aplikasi ...", "Belum lagi perakitan handset ...", "Juga hal ini
#: berlaku ...", "Yakni terkait ...", "Termasuk mengkaji kemungkinan ...".
FRAGMENT_OPENERS = frozenset(
    {"mulai dari", "belum lagi", "juga", "serta", "yakni", "yaitu", "antara lain", "termasuk"}
    # "Di antaranya, produser kenamaan dunia Mario Kassar yang ..." (among them): the
    # items of a list the sentence before opened (IndoSum; a reader's report).
    | {"di antaranya", "diantaranya"}
    # "Khususnya di tempat hiburan malam seperti karaoke ..." (especially): the tail of
    # the sentence before, with no verb (IndoSum; a reader's report).
    | {"khususnya", "terutama"}
    # "Demikian seperti dikutip dari BBC.", "Demikian dilaporkan AFP, Kamis (20/7).",
    # "Demikian disampaikannya usai menghadiri ...": who reported or said what the
    # sentence before says, and nothing else (IndoSum, a reader's report; 13 such
    # sentences in its tune articles, one in its reference summaries).
    | {
        f"demikian {verb}"
        for verb in (
            "seperti sebagaimana laporan dikutip dilansir dilaporkan diberitakan "
            "disampaikan disampaikannya diungkap diungkapkan dikatakan"
        ).split()
    }
)
#: Conjunctions of a dependent clause: "Karena gangguan kesehatan mental berisiko
#: mengidap diabetes." has no main clause; "Karena hujan, laga ditunda." has one.
#: Conditionals ("Jika ...", "Kalau ...") are left out: news writes "Jika X dia akan Y"
#: without a comma as often as not.
SUBORDINATORS = frozenset(
    "karena sebab agar supaya meski meskipun walau walaupun kendati biarpun".split()
)
#: Words that open the main clause without a comma: "Meski tertinggal namun Palace
#: tidak mau menyerah.", "Apabila ... maka ...".
CLAUSE_LINKS = frozenset("maka namun tetapi tapi".split())

MARKER_WORDS = frozenset(
    # Words Indonesian news uses where Malay says something else (karena/kerana,
    # bisa/boleh, setelah/selepas, uang/wang, pemerintah/kerajaan, bahwa/bahawa,
    # mantan/bekas, ...). Not words Malay news writes as often ("tidak", "sudah",
    # "presiden", "mengatakan", "saja", "sekarang"): a Malay story outvoted its own
    # markers with them.
    """
    karena bisa setelah uang pemerintah kantor nggak enggak menyebutkan ujar jakarta
    kabupaten provinsi polisi rupiah wib bahwa mantan tim terkait usai kemarin mobil
    kualitas aktivitas
    """.split()
)

SPEECH_VERBS = frozenset(
    "kata ujar ucap ungkap jelas tutur tegas imbuh tambah sebut papar terang pungkas "
    "katanya ujarnya ucapnya ungkapnya jelasnya tuturnya tegasnya imbuhnya tambahnya "
    "sebutnya paparnya terangnya pungkasnya lanjutnya lanjut".split()
)

#: The outlet a story was taken from, credited where the sentence opens ("Dikutip
#: detikINET dari BBC, ...", "Seperti dilansir Reuters, ...": ``source_openers``) or
#: closes (", seperti dilansir BBC.").
SOURCE_OPENERS = frozenset(
    f"{lead}{verb}"
    for lead in ("", "seperti ", "sebagaimana ")
    for verb in ("dikutip", "dilansir", "mengutip", "melansir")
)
#: What a long takeaway may lose (``intisari.takeaways.compress``): a closing source
#: attribution (", menurut kantor berita Rusia Interfax.", ", seperti dilansir BBC.";
#: ", kata Peskov." is found by ``SPEECH_VERBS``), an appositive or non-restrictive
#: clause between commas (", yang juga Ketua Umum Partai Golkar,", ", seorang warga
#: Bekasi,"), a closing secondary clause (", seraya menambahkan bahwa ...", ", sehingga
#: ..."; not ", namun ..." nor ", tetapi ...": the contrast is often the news).
ATTRIBUTION_OPENERS = SOURCE_OPENERS | {"menurut", "dilaporkan"}
APPOSITIVE_OPENERS = frozenset("yang seorang selaku".split())
#: A sentence naming who said what the sentence before it said: "Hal itu disampaikan
#: Menteri Keuangan Sri Mulyani Indrawati kala ...", "Demikian dikatakan ...",
#: "Pernyataan tersebut diungkapkan oleh ..." (47 such sentences follow a bullet of the
#: IndoSum tune boxes). Only verbs of saying: "Hal itu dilakukan untuk ..." is no speaker.
SPEAKER_AFTER = (
    r"(?:(?:hal|pernyataan|keterangan|informasi|penjelasan|pengakuan|kabar) "
    r"(?:ini|itu|tersebut)|demikian)(?: pun| juga)? "
    r"(?:dikatakan|disampaikan|diungkapkan|dijelaskan|ditegaskan|diutarakan|disebutkan"
    r"|dipaparkan|diterangkan|diucapkan|dinyatakan|dikemukakan|diakui|diungkap|dilontarkan)"
    r"(?: oleh)? "
)
#: What follows the speaker of ``SPEAKER_AFTER``: the occasion ("saat membuka kongres
#: ...", "usai acara pelepasan ...", "dalam keterangan tertulisnya"), to whom ("kepada
#: PoskotaNews"), when ("kemarin, Senin"), or more of what they said ("yang menganggap
#: ...", "meski ..."). Not "di": "pemerintahan negara di Karibia itu" is the speaker.
SPEAKER_ENDS = frozenset(
    "saat ketika kala tatkala usai seusai setelah sebelum dalam kepada pada melalui lewat "
    "yang meski meskipun namun sambil seraya sembari kemarin tadi".split()
)
#: Where, when and to whom a quotation was said, after its speaker ('"...," tutur Yuddy
#: dalam rapat koordinasi di kantor Kemenpan RB, Senayan, Jakarta Selatan, Selasa.',
#: "kata dia kepada wartawan di Jakarta, Senin"): 390 such settings in IndoSum's tune
#: articles, 13 in its reference summaries.
SETTING_PREPOSITIONS = frozenset(
    "di dalam saat ketika kepada pada usai seusai melalui lewat".split()
)
SECONDARY_OPENERS = frozenset(
    """
    seraya sembari sehingga sementara sedangkan hingga termasuk yakni yaitu setelah usai
    sebelum menyusul sekaligus dan serta karena sebab ketika saat dimana padahal bahkan
    meski meskipun walaupun walau agar supaya terutama khususnya
    """.split()
) | {"di mana"}
LEADING_OPENERS = frozenset(
    """
    dalam pada di saat ketika setelah usai sebelum sementara untuk dengan meski meskipun
    seperti sejak selain bagi terkait sebelumnya kemudian selama hingga sampai atas
    """.split()
)
#: "Selain itu, Kemensos bersama Tahir Foundation juga akan membayarkan ..." and "Dalam
#: teaser tersebut, Sistar juga mengungkapkan ..." (IndoSum) stand alone without their
#: opening phrase; ``LanguageData.detachable_openers`` says why only these go.
DETACHABLE_OPENERS = frozenset(
    "namun tetapi tapi padahal sedangkan bahkan adapun".split()
) | {
    "akan tetapi", "selain itu", "sementara itu", "di sisi lain", "di samping itu",
    "oleh karena itu", "oleh sebab itu", "karena itu", "dengan demikian", "namun demikian",
    "namun begitu", "meski demikian", "meskipun demikian", "meski begitu",
    "meskipun begitu", "walau demikian", "walaupun demikian", "kendati demikian",
    "lebih lanjut",
} | CONNECTIVE_PHRASES | SAME_OCCASION
SCENE_PREPOSITIONS = frozenset("dalam pada di untuk bagi terkait".split())

#: Whole lines that are not story. Each pattern must match the *whole* line (ignoring
#: case unless it says ``(?-i:...)``), so a story sentence that merely contains "baca
#: juga" or "AI" stays.
NOISE_LINES: tuple[tuple[str, str], ...] = (
    # Links to other stories, in every form Indonesian sites print them: "Baca juga: X",
    # "Baca: X", "SIMAK JUGA - X", "[Baca Juga: X]", "Baca selengkapnya: X".
    (
        "related-link",
        r"[\[(]?\s*(baca|lihat|simak|cek|klik|tonton|saksikan)"
        r"(\s+(juga|pula|selengkapnya|berita\s+\w+))?"
        r"\s*(:|[\-–—|»>]+\s).*",
    ),
    # Without a separator only in capitals ("MEMBACA X", "BACA JUGA X") or as a headline,
    # which has no final period ("Lihat juga X"); "Lihat juga bagaimana ... ." is story.
    ("related-link", r"(?-i:MEMBACA|BACA JUGA|LIHAT JUGA|SIMAK JUGA|BACA)\b.*"),
    ("related-link", r"(baca|lihat|simak)\s+(juga|pula)\s+.*[^.\s]"),
    ("related-link", r"(berita|artikel)\s+(terkait|lainnya|pilihan|menarik)(\s*:.*)?"),
    ("related-link", r"(simak|saksikan|tonton)\s+(juga\s+)?(video|live|siaran|vidio)\b.*"),
    ("box-heading", r"(intisari|poin)\s+utama\s*:?"),
    # The publisher speaking of the article: "Ralat: ...", "Catatan redaksi: ...".
    (
        "correction",
        rf"(ralat|koreksi|catatan redaksi)\b[^:]{{0,40}}:.{{0,{common.MAX_NOTE_CHARS}}}",
    ),
    # Prompts to follow the site: they start with the call to act, perhaps after a word
    # that urges ("Yuk, gabung di grup Telegram ...", "Jangan lupa follow akun Instagram
    # kami ..."): "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
    # "Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel", "Baca berita
    # lainnya di Google News", "Klik di sini untuk berlangganan" (kompas.com, okezone.com,
    # tribunnews.com today).
    (
        "site-prompt",
        r"((yuk|ayo|mari|jangan lupa)\b,?\s*)?"
        r"(dapatkan|ikuti|gabung|bergabung|follow|download|unduh|klik|simak|pilih|baca|cek"
        r"|kunjungi|berlangganan|pantau)\b.{0,80}"
        r"\b(update|berita|informasi|kami|google news|whatsapp|telegram|aplikasi|saluran"
        r"|channel|ponselmu|di sini|instagram)\b.*",
    ),
    # Calls to comment: "Tulis pendapatmu di kolom komentar ya!", "Bagikan di kolom
    # komentar di bawah."
    ("site-prompt", r".{0,120}\bdi kolom komentar\b.*"),
    (
        "advertisement",
        r"(advertisement|iklan|scroll to continue with content|sponsored"
        r"|scroll (down|ke bawah)( untuk (melanjutkan|lanjut) membaca)?)",
    ),
    # liputan6.com's fact-check service under every story: "* Fakta atau Hoaks? Untuk
    # mengetahui kebenaran informasi yang beredar, silakan WhatsApp ke nomor Cek Fakta
    # Liputan6.com 0811 9787 670 ..." (its second sentence had been a bullet).
    ("site-prompt", r"\W*fakta atau hoaks\b.*"),
    # The page's controls, copied with a story pasted as text: "Lanjutkan Membaca",
    # "Halaman selanjutnya", "Halaman: 1 2", "1 2 3 Selanjutnya", "Tags: BMKG cuaca",
    # "Topik: Cuaca Ekstrem", "Bagikan", "Salin link", "Komentar" (detik.com, kompas.com,
    # cnnindonesia.com today). Whole lines only, and a tag list holds no sentence's end.
    (
        "navigation",
        r"(lanjutkan membaca|baca selengkapnya|selengkapnya|halaman (selanjutnya|berikutnya"
        r"|sebelumnya)|(selanjutnya|berikutnya|sebelumnya) halaman"
        r"|(berita |artikel )?(selanjutnya|berikutnya|sebelumnya)"
        r"|bagikan( (artikel|berita) ini)?( melalui| ke| via)?|salin (link|tautan)|komentar)"
        r"\s*[»>›:]?",
    ),
    # Page numbers: after "Halaman", or two and more in a row ("1 2 3 Selanjutnya"); a
    # number alone on its line is a list's or a table's, not the page's.
    ("navigation", r"halaman\s*:?\s*\d+(\s+dari\s+\d+|(\s+\d+)*)"),
    ("navigation", r"\d+(\s+\d+)+(\s+(selanjutnya|berikutnya))?\s*[»>›]?"),
    ("navigation", r"(tags?|topik|kata kunci|tag terkait)\s*:[^.!?]{0,120}"),
    # Where a page embeds a photo gallery or a player: kompas.com's "Lihat Foto" over each
    # photo, and the "[Gambas:Video 20detik]", "[Gambas:Instagram]" markers detik.com and
    # cnnindonesia.com leave in the text of their stories.
    ("caption", r"lihat foto"),
    ("video", r"\[\s*gambas\s*:[^\]]{0,60}\]"),
    # kompas.com's player that reads the story aloud: "Dengarkan berita ini".
    ("video", r"dengarkan (berita|artikel) ini"),
    # Site footers: "DailySocial.id adalah portal berita ...", "Artikel ini telah tayang di
    # Kompas.com ...", "Naskah ini bisa dibaca juga di Tabloid BOLA edisi 2.796."
    ("site-footer", r"\S+\.(id|com|co\.id|net|tv)\s+(adalah|merupakan)\s+(portal|situs|media)\b.*"),
    (
        "site-footer",
        r"(artikel|berita|naskah|tulisan) ini (telah |sudah |juga |bisa |dapat )*"
        r"(tayang|terbit|dimuat|dibaca|diterbitkan)( juga)? (di|pada|dalam)\b.*",
    ),
    # Bylines and credits: "Penulis: X", "Sumber: VentureBeat.", "(fyk/ash)".
    (
        "byline",
        r"(editor|penulis|reporter|pewarta|penyunting|sumber|foto|tambahan|laporan)\s*:\s*"
        r".{0,80}",
    ),
    ("byline", r"\(\s*[a-z]{2,8}\s*/\s*[a-z]{0,8}\s*\)"),
    # "Laporan Wartawan TribunSolo.com, Ilham Oktafian" above a tribunnews.com story.
    ("byline", r"laporan\s+(wartawan|reporter|koresponden|jurnalis)\b.{0,80}"),
    # The publication time on a line of its own: "Selasa 16 Jun 2015, 14:05 WIB".
    (
        "byline",
        r"(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\b[\w ,/-]{0,30}"
        r"\b\d{1,2}[:.]\d{2}\s*(wib|wita|wit)?",
    ),
    *common.NOISE_LINES,
)

#: Photo credits: "Foto: Dok. Polri", "(Foto: Recode)", "Ilustrasi: ...", "(dok. Istimewa)",
#: besides the agencies' ("(ANTARA FOTO/...)"). "dok." only after a bracket, a slash or a
#: colon: "kapal masuk dok." is a dock.
CREDITS: tuple[str, ...] = (
    *common.CREDITS,
    r"(?:^|[(\[/]|[.!?]\s)\s*(?:foto|video|gambar|ilustrasi|sumber foto)\s*:",
    r"(?:^|[(\[/:])\s*dok\.\s",
    # The photographer and the outlet: "(Bagus Kurniawan/detikcom)"; "(TNI/Polri)" is not.
    r"\([A-Z][^()/]{2,40}/\s*[A-Za-z]*(?:com|news|\.id)\)",
)

#: An aggregator's or site's notice about AI summaries, whatever the word order: a line
#: naming AI, a summary, and a warning of mistakes, which a story about an AI product does
#: not hold ("Yahoo memakai AI untuk hasilkan ringkasan artikel. Info ... tidak selalu
#: akurat."). Every language cuts every language's notice (``language.data``).
AI_NOTICE = (
    r"AI|kecerdasan buatan",
    r"ringkasan|rangkuman|intisari|diringkas",
    r"tidak (selalu )?akurat|kurang akurat|kekeliruan|keliru|kesalahan|salah|lapor\w*",
)

#: Lines that announce related links on the lines after them ("Baca Juga:" alone).
LINK_ANNOUNCEMENTS: tuple[str, ...] = (
    r"(baca|lihat|simak|cek)(\s+(juga|pula|selengkapnya))?\s*[:\-–—]?",
    r"(berita|artikel)\s+(terkait|lainnya|pilihan|menarik)\s*:?",
)

#: Lower-case words a headline may contain between its capitalised words ("Patung Gundam
#: Raksasa di Jepang Dibongkar").
_HEADLINE_GLUE = r"(?:di|ke|dari|dan|yang|untuk|dengan|atau|pada|vs\.?|&|-|–)"
_LINK_PREFIX = r"(?<=[.!?\"”])\s+(?:baca|lihat|simak)(?:\s+(?:juga|pula))?\s*(?::|[-–—]\s)"
#: Longest related-link headline that closes a paragraph (characters after "Baca juga:"):
#: the longest in the tune files and example pages is 115; a headline is at most ~20
#: words. A bound, so that each "Baca:" of a paragraph looks this far for the paragraph's
#: end and no further (unbounded, a paragraph of repeated "dia\" baca: x" took quadratic
#: time: 71 s for 540 KB).
_MAX_CLOSING_LINK_CHARS = 200

#: Related links inside a paragraph: in brackets ("[Baca juga: X]", "(Baca: X)"), closing
#: it after a sentence ("... kata dia. Baca juga: X"), or followed by more story, where
#: the headline is its run of capitalised words: "... 'Gundam'. Baca juga: Patung Gundam
#: Raksasa di Jepang Dibongkar Untuk memberikan ..." cuts up to "Dibongkar".
INLINE_NOISE: tuple[tuple[str, str], ...] = (
    ("related-link", r"[\[(]\s*(baca|lihat|simak)(\s+(juga|pula))?\s*:[^\[\]()]*[\])]"),
    ("related-link", rf"{_LINK_PREFIX}[^.!?]{{0,{_MAX_CLOSING_LINK_CHARS}}}+$"),
    (
        "related-link",
        rf"{_LINK_PREFIX}\s*(?:(?-i:[A-Z0-9'‘\"“(]|[a-z]+[A-Z])\S*\s+|{_HEADLINE_GLUE}\s+){{1,25}}?"
        rf"(?=(?-i:[A-Z])\S*\s+(?!{_HEADLINE_GLUE}\s)(?-i:[a-z]+)[\s,;:])",
    ),
)

#: The editor's initials closing an article: "(rsa)", "(agk/agk)", "[noe]", "(gk - 68)",
#: "(*/win)", and ANTARA's codes "(T.M052/B/I007/I007)", "(Uu. B002/T008)".
TRAILERS: tuple[tuple[str, str], ...] = (
    *common.TRAILERS,
    ("byline", r"[(\[]\s*(?-i:[a-z*][\w*]{0,11})(\s*[/\-]\s*[\w*]{0,11}){0,3}\s*[)\]]"),
    ("byline", r"\(\s*(?-i:[A-Z][\w.]{0,6})\s*[\w.]{0,8}\s*/[\w./ \-]{1,40}\)"),
)

#: Datelines opening the body: every common form ("Jakarta, CNN Indonesia -- ",
#: "JUARA.NET, MISANO ADRIATICO - ", "Liputan6.com, Jakarta - ", "Mataram, NTB (ANTARA
#: News) - ", "JAKARTA (Pos Kota) – ", "Merdeka.com - ", "Jakarta - ", "KOREA SELATAN – ",
#: see ``common``), and one word with any dash, which Indonesian sites use ("Jakarta –
#: "); a story opening with a capitalised word and a dash ("GO - JEK akan ...",
#: IndoSum's spacing) is not taken.
DATELINES: tuple[str, ...] = (
    *common.DATELINES,
    rf"[A-Z][\w.&'’]{{3,}}\s*[-–—]{{1,2}}\s+{common.STORY_START}",
)

# Fact checking (``intisari.checking``) -------------------------------------------------

#: Words that deny: "tidak hadir", "belum disahkan", "bukan pelaku", "tanpa izin".
NEGATIONS = frozenset("tidak tak bukan belum tanpa jangan tiada nggak enggak gak kagak".split())

#: Opposite pairs a rewriting can swap: "naik" for "turun", "menang" for "kalah".
ANTONYMS: tuple[tuple[str, str], ...] = tuple(
    tuple(pair.split("/"))  # type: ignore[misc]
    for pair in """
    naik/turun menaikkan/menurunkan meningkat/menurun kenaikan/penurunan
    bertambah/berkurang menambah/mengurangi menang/kalah memenangkan/kalah
    mengalahkan/dikalahkan menerima/menolak diterima/ditolak setuju/menolak
    mendukung/menentang membeli/menjual dibeli/dijual masuk/keluar ekspor/impor
    tertinggi/terendah terbesar/terkecil terbanyak/tersedikit lebih/kurang untung/rugi
    positif/negatif dibuka/ditutup membuka/menutup buka/tutup mengizinkan/melarang
    diizinkan/dilarang hidup/tewas hidup/meninggal selamat/tewas sebelum/setelah
    sebelum/sesudah pertama/terakhir awal/akhir ditangkap/dibebaskan
    """.split()
)

NUMBER_WORDS: tuple[tuple[str, float], ...] = (
    ("nol", 0), ("satu", 1), ("dua", 2), ("tiga", 3), ("empat", 4), ("lima", 5),
    ("enam", 6), ("tujuh", 7), ("delapan", 8), ("sembilan", 9), ("sepuluh", 10),
    ("sebelas", 11), ("seratus", 100), ("seribu", 1000), ("sejuta", 1e6),
    ("setengah", 0.5), ("separuh", 0.5),
)

#: "dua puluh" is 20 and "3,5 juta" 3,500,000: the scale multiplies the number before it.
SCALE_WORDS: tuple[tuple[str, float], ...] = (
    ("puluh", 10), ("ratus", 100), ("ribu", 1e3), ("rb", 1e3), ("juta", 1e6), ("jt", 1e6),
    ("miliar", 1e9), ("milyar", 1e9), ("triliun", 1e12),
)

AMOUNT_WORDS = frozenset(
    """
    rp rupiah idr us usd dolar dollar euro eur yen yuan ringgit sgd won poundsterling
    persen % $ € £ kg kilogram gram ton km kilometer meter m2 hektare ha liter barel
    kwh mw unit
    """.split()
)

MONTHS: tuple[tuple[str, int], ...] = (
    ("januari", 1), ("jan", 1), ("februari", 2), ("pebruari", 2), ("feb", 2),
    ("maret", 3), ("mar", 3), ("april", 4), ("apr", 4), ("mei", 5), ("juni", 6),
    ("jun", 6), ("juli", 7), ("jul", 7), ("agustus", 8), ("agu", 8), ("agt", 8),
    ("ags", 8), ("september", 9), ("sep", 9), ("sept", 9), ("oktober", 10), ("okt", 10),
    ("november", 11), ("nopember", 11), ("nov", 11), ("desember", 12), ("des", 12),
)

WEEKDAYS = frozenset("senin selasa rabu kamis jumat sabtu minggu ahad".split())

PLACE_PREPOSITIONS = frozenset("di ke dari".split())

#: Names news writes two ways (``LanguageData.name_aliases``): the short forms of
#: Jakarta's cities and of provinces that headlines and summaries use ("di Pengadilan
#: Agama Jaksel" for the article's "Jakarta Selatan", indosum.tune), and countries
#: spelled in two ways or named by their other name ("Brazil" / "Brasil", "Tiongkok" /
#: "China").
NAME_ALIASES: tuple[tuple[str, ...], ...] = (
    ("Jaksel", "Jakarta Selatan"), ("Jakut", "Jakarta Utara"), ("Jakbar", "Jakarta Barat"),
    ("Jaktim", "Jakarta Timur"), ("Jakpus", "Jakarta Pusat"),
    ("Jabar", "Jawa Barat"), ("Jateng", "Jawa Tengah"), ("Jatim", "Jawa Timur"),
    ("Sumut", "Sumatera Utara"), ("Sumbar", "Sumatera Barat"), ("Sumsel", "Sumatera Selatan"),
    ("Sulsel", "Sulawesi Selatan"), ("Sulut", "Sulawesi Utara"), ("Sulteng", "Sulawesi Tengah"),
    ("Kalbar", "Kalimantan Barat"), ("Kaltim", "Kalimantan Timur"),
    ("Kalsel", "Kalimantan Selatan"), ("Kalteng", "Kalimantan Tengah"),
    ("Jokowi", "Joko Widodo"), ("Amerika", "AS", "Amerika Serikat"),
    ("Brazil", "Brasil"), ("Tiongkok", "China", "Cina"), ("Inggris", "Britania Raya"),
)

#: The request to an LLM (``--method llm``): the article first, then a short, plain request
#: for short bullets from the article alone, ending where the first bullet starts. An
#: instruction-tuned model reads it as an instruction; a small or base model (the tests'
#: Gemma 3 270M) continues it as a list, and otherwise echoes the article or drifts into
#: writing a new one when the request comes first. Whatever comes back is checked.
LLM_PROMPT = (
    "{article}\n\n"
    "Tulis {count} poin singkat yang merangkum berita di atas. Setiap poin satu kalimat "
    "pendek yang hanya berisi fakta dari berita itu.\n\n"
    "Ringkasan dalam {count} poin:\n- "
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
    checked_notice="Dibuat dengan AI, diperiksa editor.",
    llm_prompt=LLM_PROMPT,
    checked_label="Sudah dicocokkan dengan isi artikel",
    abbreviations=ABBREVIATIONS,
    final_abbreviations=FINAL_ABBREVIATIONS,
    stopwords=STOPWORDS,
    dangling_openers=DANGLING_OPENERS,
    # With Jakarta's casual "gue", "gua", "gw" (I): "Kali ini gue lagi ada di Sunter." (a
    # food blog in IndoSum; a reader's report).
    writer_pronouns=frozenset({"kami", "kita", "saya", "aku", "gue", "gua", "gw"}),
    aside_pronouns=frozenset({"kami", "saya", "aku", "gue", "gua", "gw"}),
    clause_openers=CLAUSE_OPENERS,
    demonstratives=DEMONSTRATIVES,
    person_pronouns=PERSON_PRONOUNS,
    place_heads=PLACE_HEADS,
    marker_words=MARKER_WORDS,
    noise_lines=NOISE_LINES,
    ai_notice=AI_NOTICE,
    ai_notice_triggers=("ringkas", "rangkum", "intisari"),
    link_announcements=LINK_ANNOUNCEMENTS,
    inline_noise=INLINE_NOISE,
    inline_triggers=("baca", "lihat", "simak"),
    trailers=TRAILERS,
    datelines=DATELINES,
    credits=CREDITS,
    credit_triggers=(
        *common.CREDIT_TRIGGERS, "video", "gambar", "ilustrasi", "dok.", "com)", "news)", ".id)",
    ),
    speech_verbs=SPEECH_VERBS,
    bullet_words=40,
    attribution_openers=ATTRIBUTION_OPENERS,
    setting_prepositions=SETTING_PREPOSITIONS,
    speaker_after=SPEAKER_AFTER,
    speaker_ends=SPEAKER_ENDS,
    unnamed_sources=frozenset({"sumber"}),
    relative_days=frozenset("kemarin besok lusa kemarinnya".split()),
    source_openers=SOURCE_OPENERS,
    appositive_openers=APPOSITIVE_OPENERS,
    secondary_openers=SECONDARY_OPENERS,
    toll_words=frozenset("tewas meninggal terluka luka cedera".split()),
    condition_openers=frozenset({"ketika", "saat"}),
    modal_words=frozenset("akan bakal bisa dapat harus boleh mungkin".split()),
    second_reports=("dan bahwa",),
    leading_openers=LEADING_OPENERS,
    detachable_openers=DETACHABLE_OPENERS,
    scene_prepositions=SCENE_PREPOSITIONS,
    referring_openers=REFERRING_OPENERS,
    interposed_connectives=INTERPOSED_CONNECTIVES,
    # "Kedua, ..." (second, ...): the second of points listed before.
    # "Pertama, karena bengkel seringkali kotor ..." (IndoSum; a reader's report): the
    # first of the reasons for a claim made before, as "Kedua, ..." is the second.
    enumerators=frozenset("pertama kedua ketiga keempat kelima".split()),
    referring_words=REFERRING_WORDS,
    predicate_words=PREDICATE_WORDS,
    predicate_prefixes=PREDICATE_PREFIXES,
    relativizers=frozenset({"yang"}),
    clitics=("nya",),
    clitic_words=CLITIC_WORDS,
    part_openers=PART_OPENERS,
    time_words=TIME_WORDS,
    sequel_words=frozenset({"kemudian", "setelahnya", "sesudahnya"}),
    example_verbs=frozenset({"mencontohkan", "mencontohkannya"}),
    time_phrases=TIME_PHRASES,
    fragment_openers=FRAGMENT_OPENERS,
    subordinators=SUBORDINATORS,
    clause_links=CLAUSE_LINKS,
    coordinators=frozenset("dan atau tetapi namun serta melainkan sedangkan".split()),
    auxiliaries=frozenset("akan bisa dapat harus sudah telah sedang masih mampu".split()),
    negations=NEGATIONS,
    antonyms=ANTONYMS,
    number_words=NUMBER_WORDS,
    scale_words=SCALE_WORDS,
    amount_words=AMOUNT_WORDS,
    months=MONTHS,
    weekdays=WEEKDAYS,
    decimal_mark=",",
    numeric_date_order="dmy",
    place_prepositions=PLACE_PREPOSITIONS,
    name_aliases=NAME_ALIASES,
    passive_markers=frozenset({"oleh"}),
    attribution_suffix="nya",
    speaker_pronouns=frozenset({"dia", "ia", "mereka", "beliau"}),
    # "Salah besar.", "Eits, tunggu dulu.", "Belum tentu.": the claim before is what the
    # article sets out to refute ("Wired lawan wireless, pastinya performanya lebih bagus
    # yang wired, bukan? Belum tentu.", IndoSum). Not "Sebaliknya, ..." (on the other
    # hand): a contrast, and 2 of its 29 IndoSum sentences before are in a summary.
    rebuttals=(
        r"(?:salah besar|eits|tunggu dulu|bukan begitu|keliru|tidak juga|belum tentu"
        r"|justru sebaliknya)\s*[.!,:;]",
    ),
    reporting_verbs=frozenset(
        "mengatakan menjelaskan menyatakan menambahkan menegaskan mengungkapkan menyebutkan "
        "menuturkan memaparkan menerangkan melanjutkan mengaku".split()
    ),
    # "Dia menilai warga kelewatan emosional ...", "Argo memastikan jika marbot ...":
    # IndoSum's judgements given to a named official (a new user's wrong-speaker report).
    opinion_verbs=frozenset(
        "menilai menganggap berpendapat meyakini memastikan mengklaim menduga menyebut "
        "mengingatkan memperkirakan".split()
    ),
    learned_box_size=True,
    first_names_lean_back=True,
    # "Berdasarkan laporan yang diterima pihak TNBTS, ..." after "... Taman Nasional Bromo
    # Tengger Semeru (TNBTS) ..." (IndoSum: 1 box of 2,712 changes, ROUGE-1 71.76 -> 71.77).
    acronyms_lean_back=True,
    related_link_cues=(
        ("baca lihat simak", r"\b(baca|lihat|simak)\s+(juga|pula)\b"),
        # "Informasi selengkapnya dapat dilihat di artikel ini": a pointer, not a fact.
        (
            "selengkapnya",
            r"\bselengkapnya\s+(dapat|bisa)\s+(dilihat|dibaca|disimak|ditemukan)\s+di\b",
        ),
        # The writer greeting the reader ("Selamat datang di ..."): a flourish, not a point.
        ("datang", r"^\W*selamat\s+datang\s+(kembali\s+)?di\b"),
        # The writer telling the reader what to do ("Coba bandingkan dengan musim lalu.",
        # "Coba kunjungi toko buku, ..."; IndoSum) or to picture ("Bayangkan jika kamu
        # tidak memiliki telinga."; IndoSum, a reader's report): the point is in what
        # follows.
        ("coba", r"^\W*coba\s+\w"),
        ("bayangkan", r"^[^\w\"“]*bayangkan\b"),  # not a speaker's: '"Bayangkan, ...," kata'
        # A pointer to a list the box does not show: "Untuk menyiasatinya, simak beberapa
        # tips berikut ...", "Simak rangkumannya dari kumparan (kumparan.com) berikut
        # ini.", "... boleh berbahagia dengan kabar berikut ini." ("berikutnya", the next
        # one, is a fact: "... di pertemuan berikutnya.").
        ("berikut", r"\b(simak|lihat|cek|intip)\b[^.!?]{0,80}\bberikut\b(?!nya)"),
        ("berikut", r"\bsebagai berikut\W*$"),
        # The lead-in to a list ("Berikut rangkuman kumparan ...", "Dilansir dari
        # boldsky.com, berikut adalah manfaat super sehatnya.", "... lima hal sederhana
        # berikut ini, agar ...", after a date in brackets): it points to what the box
        # does not show. Not "berikut" alone inside a sentence: "..., berikut barang
        # bukti ..." is "along with".
        ("berikut", r"^\W*berikut\b(?!nya)"),
        # "Dikutip dari tumbuk, Selasa (17/10/2017) berikut ..."
        ("berikut", r"\)\s*berikut\b(?!nya)"),
        ("berikut", r"\bberikut\s+ini\b"),
        # A lead-in to what is below the text on the page: "Sebaiknya, kita pilih makanan
        # seperti dibawah ini, ...", "Kronologi itu terlihat seperti foto di bawah ini:"
        # (IndoSum; a reader's report: the box does not show it). Not a sentence that
        # only closes on it: "Jersey tandang mereka musim depan menggunakan warna hitam,
        # ... seperti penampakan di bawah ini." says its point first.
        ("bawah", r"\bdi\s?bawah\s+ini\s*[,:]|^\W*di\s?bawah\s+ini\b"),
        ("berikut", r",\s*berikut\s+adalah\b"),
        # The outlet announcing the list it compiled ("CNNIndonesia.com merangkum
        # beberapa peraturan ...", "kumparan merangkum beberapa hal menarik ..."): the
        # list is the story, the announcement is not.
        ("merangkum", r"\bmerangkum\s+(beberapa|sejumlah)\b"),
        # ... or named by its own address ("Bagi kamu yang penasaran ..., kumparan
        # (kumparan.com) telah merangkum sederet alasan ...": IndoSum, a reader's report).
        # Not a number after the verb alone: "... sudah merangkum 20 gol" is a striker's.
        ("merangkum", r"\.(com|id|net)\)?\s+(telah\s+|sudah\s+)?merangkum\b"),
    ),
    word_budget=50,
)
