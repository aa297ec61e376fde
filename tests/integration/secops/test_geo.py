"""Geo from a MaxMind-format database (built here with mmdb-writer) and impossible travel against the
principal's previous located sign-in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from mmdb_writer import MmdbF64, MMDBWriter
from netaddr import IPSet

from companyos_server.domains.secops import events
from tests.integration.alerts.helpers import Mint, member

CITIES = {
    "198.51.100.0/24": ("Paris", "FR", 48.8566, 2.3522),
    "203.0.113.0/24": ("Sydney", "AU", -33.8688, 151.2093),
    "192.0.2.0/24": ("Lyon", "FR", 45.7640, 4.8357),
}


@pytest.fixture
def geoip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    writer = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoIP2-City", languages=["en"],
                        description="CompanyOS test cities")  # fmt: skip
    for network, (city, country, lat, lon) in CITIES.items():
        writer.insert_network(IPSet([network]), {
            "city": {"names": {"en": city}}, "country": {"iso_code": country, "names": {"en": country}},
            "location": {"latitude": MmdbF64(lat), "longitude": MmdbF64(lon)},
        })  # fmt: skip
    path = tmp_path / "cities.mmdb"
    writer.to_db_file(str(path))
    monkeypatch.setenv(events.GEOIP_ENV, str(path))
    return path


def test_lookup_reads_the_database(geoip: Path) -> None:
    found = events.geo_lookup("203.0.113.50")
    assert found is not None and found["geo_city"] == "Sydney" and found["geo_country"] == "AU"
    assert events.geo_lookup("10.1.2.3") is None  # not in the database
    assert events.geo_lookup("not-an-ip") is None


async def test_impossible_travel_fires_and_a_train_ride_does_not(
    client: httpx.AsyncClient, mint: Mint, geoip: Path
) -> None:
    headers = member(mint, "acme", "security_analyst", subject="usr_acme_analyst")
    start = datetime.now(UTC) - timedelta(hours=3)

    def sign_in(minutes: int, ip: str, who: str) -> dict[str, str]:
        return {"occurred_at": (start + timedelta(minutes=minutes)).isoformat(), "action": "identity.sign_in",
                "outcome": "success", "principal": who, "source_ip": ip}  # fmt: skip

    trip = [sign_in(0, "198.51.100.7", "zoe"), sign_in(60, "203.0.113.9", "zoe")]  # Paris → Sydney in 1 h
    commute = [sign_in(0, "198.51.100.7", "yan"), sign_in(120, "192.0.2.4", "yan")]  # Paris → Lyon in 2 h
    r = await client.post(
        "/v1/tenants/acme/security-events/bulk", json={"events": trip + commute}, headers=headers
    )
    assert r.status_code == 200, r.text
    fired = [d for d in r.json()["detections"] if d["rule"] == "impossible_travel"]
    assert [d["principal"] for d in fired] == ["zoe"]
    listed = (
        await client.get("/v1/tenants/acme/security-events", params={"principal": "zoe"}, headers=headers)
    ).json()["items"]
    sydney = next(e for e in listed if e["geo"] and e["geo"]["city"] == "Sydney")
    assert sydney["travel_km"] > 16_000 and sydney["travel_kmh"] > 1_000
