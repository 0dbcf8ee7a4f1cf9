"""What the reader's side of the pages says in Indonesian: for Indonesian articles, and
Malay ones (``READER_LOCALES``).

The box's heading, notice and report label come from the language data
(``language/data``); these are the page's own words.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from intisari.report_kinds import CATEGORIES, MAX_COMMENT_CHARS

__all__ = ["CATEGORY_LABELS", "TEXT"]

#: Indonesian news dates a correction in Western Indonesian Time (Jakarta): UTC+7.
WIB = timezone(timedelta(hours=7))
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)


def moment(at: datetime) -> str:
    """``3 Desember 2026 10.00 WIB``: the date and time of a correction, as a newsroom
    writes it."""
    local = at.astimezone(UTC).astimezone(WIB)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year} {local:%H.%M} WIB"

#: The reader's words for each report category (``report_kinds.CATEGORIES``).
CATEGORY_LABELS: dict[str, str] = {
    "inaccurate": "Tidak akurat",
    "misleading": "Menyesatkan",
    "missing-context": "Kurang konteks",
    "offensive": "Menyinggung",
    "other": "Lainnya",
}

TEXT: dict[str, Any] = {
    "skip": "Langsung ke isi",
    "untitled": "Artikel tanpa judul",
    "hidden": "Intisari artikel ini sedang ditinjau oleh editor dan untuk sementara "
    "tidak ditampilkan. Artikel lengkapnya tetap dapat Anda baca di bawah.",
    "source_hint": "Klik sebuah poin untuk menandai kalimat sumbernya di artikel.",
    "point": "poin",
    # The embed marks the source on the publisher's page, where no focus can go: it says
    # where the sentence is instead (embed.js showSource).
    "embed_source_hint": "Pilih sebuah poin untuk menandai kalimat sumbernya di artikel; "
    "letaknya akan dibacakan.",
    "source_marked": "Ditandai di artikel",
    "paragraph": "paragraf",
    "source_missing": "Kalimat poin ini tidak ada di halaman ini.",
    "report_title": "Laporkan kekeliruan",
    "category_label": "Apa masalahnya?",
    "choose": "Pilih…",
    "categories": tuple((code, CATEGORY_LABELS[code]) for code in CATEGORIES),
    "comment_label": "Komentar (opsional)",
    "comment_help": f"Paling banyak {MAX_COMMENT_CHARS:,} karakter.".replace(",", "."),
    "send": "Kirim laporan",
    "close": "Tutup",
    "thanks": "Terima kasih! Laporan Anda sudah kami terima dan akan ditinjau editor.",
    "error_category": "Pilih jenis masalahnya.",
    "error_comment": f"Komentar paling banyak {MAX_COMMENT_CHARS:,} karakter.".replace(
        ",", "."
    ),
    "error_point": "Poin ini tidak ada dalam intisari.",
    "error_csrf": "Formulir ini sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.",
    "error_rate": "Terlalu banyak laporan dalam waktu singkat. Coba lagi nanti.",
    "not_found": "Intisari tidak ditemukan",
    "not_found_message": "Tidak ada intisari dengan alamat ini.",
    "home": "Kembali ke halaman awal",
    "back_to_article": "Kembali ke artikel",
    "error_generic": "Laporan tidak dapat dikirim. Coba lagi nanti.",
    "report_point": "Laporkan kekeliruan pada poin",
    "show_more": "Tampilkan lebih banyak",
    "show_less": "Tampilkan lebih sedikit",
    "helpful_question": "Bermanfaat?",
    "helpful_yes": "Ya",
    "helpful_no": "Tidak",
    "helpful_thanks": "Terima kasih atas tanggapan Anda.",
    "source_label": "Sumber",
    "published_label": "Terbit",
    "byline_label": "Oleh",
    "original_link": "Baca artikel aslinya",
    "error_votes": "Terlalu banyak jawaban dalam waktu singkat. Coba lagi nanti.",
    "language_name": "Bahasa Indonesia",
    "language_nav": "Bahasa",
    "months": MONTHS,
    "footer_api": "API",
    "footer_review": "Peninjauan",
    "pending": "Intisari artikel ini sedang menunggu pemeriksaan editor dan belum "
    "ditampilkan. Artikel lengkapnya tetap dapat Anda baca di bawah.",
    "updated": "Diperbarui",
    "edited": "intisari diubah oleh editor.",
    "moment": moment,
    # The start page.
    "start_title": "Intisari: Intisari Utama untuk artikel berita",
    "start_heading": "Intisari Utama untuk artikel berita",
    "start_lede": "Tempel teks artikel atau berikan alamatnya. Intisari memilih 1–5 poin "
    "yang hanya terdiri atas kalimat artikel itu sendiri, dan menunjukkan asal setiap poin.",
    "url_label": "Alamat artikel (URL)",
    "or": "atau",
    "text_label": "Teks artikel",
    "text_help": "Baris pertama yang pendek dianggap sebagai judul.",
    "headline_label": "Judul",
    "optional": "(opsional)",
    "form_languages": (("", "Deteksi otomatis"), ("id", "Indonesia"), ("en", "Inggris")),
    "submit": "Buat intisari",
    "start_expired": "Formulir ini sudah kedaluwarsa. Silakan kirim lagi.",
    "error_url": "Alamat harus diawali dengan http:// atau https://.",
    "error_text_long": "Teksnya terlalu panjang.",
    "error_title_long": "Judulnya terlalu panjang.",
    "error_language": "Bahasa tidak dikenal.",
    "error_one_source": "Tempel teks artikel atau berikan alamatnya (salah satu saja, "
    "tidak keduanya).",
    # The service's refusals by code (``intisari.errors``, ``service/errors.py``), in the
    # reader's words; the service's own message, in English, follows as the detail.
    "refusals": {
        "too-short": "Teksnya terlalu pendek untuk dibuatkan intisari.",
        "no-takeaway": "Tidak ada kalimat artikel ini yang dapat berdiri sendiri sebagai "
        "poin intisari.",
        "not-an-article": "Ini bukan artikel berita, jadi tidak dibuatkan intisari.",
        "unsupported-script": "Aksara teks ini belum didukung.",
        "too-large": "Artikelnya terlalu besar.",
        "undecodable": "Isinya tidak dapat dibaca sebagai teks.",
        "fetch-failed": "Halaman di alamat itu tidak dapat diambil.",
        "invalid-input": "Masukan ini tidak dapat diproses.",
        "invalid-request": "Permintaan ini tidak dapat diproses.",
        "rate-limited": "Terlalu banyak permintaan dalam waktu singkat. Coba lagi nanti.",
        "busy": "Layanan sedang sibuk. Coba lagi sebentar lagi.",
        "unavailable": "Layanan sedang tidak tersedia. Coba lagi nanti.",
    },
}
