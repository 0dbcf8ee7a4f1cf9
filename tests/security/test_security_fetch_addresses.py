"""IPv6 forms of private IPv4 addresses that Python calls global are refused too.

Issue 10, item 13: ``::7f00:1`` (IPv4-compatible, ``::127.0.0.1``), ``::ffff:0:7f00:1``
(IPv4-translated) and RFC 8215's local-use NAT64 prefix ``64:ff9b:1::/48`` all passed
the address check. Nothing is contacted: the check refuses before connecting.
"""

from __future__ import annotations

import ipaddress

import pytest
from fastapi.testclient import TestClient

from intisari.errors import FetchError
from intisari.ingest.fetch import fetch, vet_address
from intisari.options import Options


@pytest.mark.parametrize(
    "address",
    ["::7f00:1", "::a00:1", "::ffff:0:7f00:1", "::ffff:0:a9fe:a9fe", "64:ff9b:1::a00:1",
     "64:ff9b:1::5db8:d822", "64:ff9b:1:ffff::1"],
)
def test_ipv4_compatible_translated_and_local_nat64_addresses_refused(address: str) -> None:
    assert ipaddress.ip_address(address).is_global  # what Python says, and why it is not enough
    with pytest.raises(FetchError, match="refusing"):
        vet_address(ipaddress.ip_address(address), Options())
    with pytest.raises(FetchError, match="refusing"):
        fetch(f"http://[{address}]:8080/", Options())


def test_public_ipv4_in_ipv4_compatible_form_is_still_allowed() -> None:
    vet_address(ipaddress.ip_address("::5db8:d822"), Options())  # ::93.184.216.34


def test_refused_through_the_api(client: TestClient) -> None:
    answer = client.post("/v1/summaries", json={"url": "http://[::ffff:0:7f00:1]:8000/"})
    assert answer.status_code == 422 and answer.json()["code"] == "fetch-failed"
    assert answer.json()["message"].startswith("refusing")  # refused, not tried and failed
