"""The real model server (``llama_url``, one a session) and the service's apps
(``tests/app_fixtures.py``) for the tests of this folder."""

from __future__ import annotations

from app_fixtures import client, make_client, settings
from llm_servers import llama, llama_url

__all__ = ["client", "llama", "llama_url", "make_client", "settings"]
