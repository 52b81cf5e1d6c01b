"""What the load test's visitors send besides clicks: uploaded files as spreadsheets save them, and hostile
requests, each with the answers the server must give them."""

from __future__ import annotations

import base64
import itertools
import random
from dataclasses import dataclass

HEADER = "city_a,country_a,city_b,country_b,relation,status,since,sources"
# Unambiguous places (capitals and big cities): a file of them checks with every row placed.
CITIES: tuple[tuple[str, str], ...] = tuple(
    tuple(entry.split(":"))  # type: ignore[misc]
    for entry in (
        "Paris:FR;Berlin:DE;Warsaw:PL;Kyiv:UA;Lviv:UA;Vilnius:LT;Riga:LV;Tallinn:EE;Prague:CZ;Vienna:AT;Madrid:ES;"
        "Lisbon:PT;Rome:IT;Athens:GR;Oslo:NO;Stockholm:SE;Helsinki:FI;Dublin:IE;Budapest:HU;Bucharest:RO;Sofia:BG;"
        "Zagreb:HR;Tokyo:JP;Seoul:KR;Chicago:US;Toronto:CA;Mexico City:MX;Zürich:CH;Malmö:SE;Besançon:FR;"
        "Kraków:PL;Düsseldorf:DE;Amsterdam:NL;Brussels:BE;Copenhagen:DK;Reykjavik:IS;Ljubljana:SI;Bratislava:SK;"
        "Chisinau:MD;Tbilisi:GE;Yerevan:AM;Ankara:TR;Cairo:EG;Nairobi:KE;Lagos:NG;Mumbai:IN;Bangkok:TH;Hanoi:VN;"
        "Jakarta:ID;Sydney:AU;Auckland:NZ;Lima:PE;Bogota:CO;Santiago:CL"
    ).split(";")
)
STATUSES = ("active", "suspended", "ended", "proposed")
SOURCE = "https://example.org/ties"


@dataclass(frozen=True)
class Upload:
    """A file as the browser sends it to the upload callback, and what kind of file it is."""

    kind: str  # clean, bad_rows, windows_1252, oversized
    request: dict


def upload_rows(rng: random.Random, n: int, bad_every: int = 0) -> list[str]:
    """`n` data rows of distinct ties between CITIES; with `bad_every`, every such row has an unknown status or
    country."""
    rows = []
    pairs = rng.sample(list(itertools.combinations(CITIES, 2)), n)
    for i, ((a, ca), (b, cb)) in enumerate(pairs):
        status, country = rng.choice(STATUSES), cb
        if bad_every and i % bad_every == 0:
            status, country = ("frozen", cb) if i % 2 else (status, "ZZ")
        rows.append(f'"{a}",{ca},"{b}",{country},sister_city,{status},{rng.randint(1950, 2024)},{SOURCE}')
    return rows


def as_request(name: str, raw: bytes) -> dict:
    """The upload request the page's clientside callback sends: name, size and the data URL."""
    return {"name": name, "bytes": len(raw), "contents": "data:text/csv;base64," + base64.b64encode(raw).decode()}


def make_upload(rng: random.Random, rows: int = 1000) -> Upload:
    """One upload of a visitor: mostly clean files, some with bad rows, some saved by Excel on Windows
    (Windows-1252, `;`), rarely one over the size limit (the browser then sends only its size)."""
    pick = rng.random()
    if pick < 0.1:
        return Upload("oversized", {"name": "huge.csv", "bytes": 50_000_000})
    if pick < 0.4:
        text = "\n".join([HEADER, *upload_rows(rng, rows, bad_every=20)]) + "\n"
        return Upload("bad_rows", as_request("with-errors.csv", text.encode("utf-8")))
    if pick < 0.7:
        lines = [line.replace(",", ";") for line in [HEADER, *upload_rows(rng, rows)]]
        return Upload("windows_1252", as_request("excel.csv", ("\r\n".join(lines) + "\r\n").encode("cp1252")))
    text = "\n".join([HEADER, *upload_rows(rng, rows)]) + "\n"
    return Upload("clean", as_request("ties.csv", text.encode("utf-8")))


@dataclass(frozen=True)
class Hostile:
    """A request that must be refused, and the statuses that count as refusing it well."""

    kind: str
    method: str
    path: str
    body: bytes | None
    content_type: str
    expected: frozenset[int]


OVERSIZED_BODY = b"x" * (17 * 1024 * 1024)  # past the server's 16 MB request limit


def make_hostile(rng: random.Random, callback_path: str) -> Hostile:
    """One hostile request: a malformed callback body, a hostile query string or an oversized body."""
    pick = rng.random()
    if pick < 0.4:
        body = rng.choice([b"{not json", b'{"output": 5, "inputs": "x"}', b"[]" * 1000])
        return Hostile("malformed_callback", "POST", callback_path, body, "application/json", frozenset({400}))
    if pick < 0.9:
        query = rng.choice(
            [
                "?status=%3Cscript%3Ealert(1)%3C/script%3E",
                "?from=99999999999999999999&to=-1",
                "?country=" + "ZZ," * 400,
                "?%ff%fe=%00%01&lon=NaN",
            ]
        )
        return Hostile("hostile_query", "GET", "/download/partnerships.csv" + query, None, "", frozenset({400}))
    return Hostile("oversized_body", "POST", callback_path, OVERSIZED_BODY, "application/json", frozenset({413}))
