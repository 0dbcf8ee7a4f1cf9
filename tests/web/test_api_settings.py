"""The README's settings table is the Settings class's own, and the environment is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from intisari.settings import Settings, settings_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_lists_every_setting() -> None:
    assert settings_table() in README.read_text(encoding="utf-8")


def test_every_setting_has_a_description_and_a_default() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, name
        assert not field.is_required(), name


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTISARI_DATABASE_URL", "sqlite:////tmp/elsewhere.db")
    monkeypatch.setenv("INTISARI_AUTO_HIDE_OPEN_REPORTS", "5")
    settings = Settings()
    assert settings.database_url == "sqlite:////tmp/elsewhere.db"
    assert settings.auto_hide_open_reports == 5
