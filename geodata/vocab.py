"""Controlled vocabularies of the dataset, defined once and imported everywhere.

Each vocabulary maps a machine word (used in the CSVs, the URL and the code) to an
English label. The README documents them; `tests/test_vocab.py` checks it does.
"""

from __future__ import annotations

STATUS: dict[str, str] = {
    "active": "Active",
    "dormant": "Dormant (no recent activity)",
    "suspended": "Suspended",
    "ended": "Ended (terminated or retired)",
    "proposed": "Proposed",
    "unknown": "Status unknown",
}

RELATION: dict[str, str] = {
    "sister_city": "Sister city / twin town",
    "partner_city": "Partner city",
    "friendship_city": "Friendship city",
    "cooperation_agreement": "Cooperation agreement",
    "memorandum": "Memorandum of understanding",
    "sister_county": "Sister county",
    "sister_state": "Sister state / region",
    "climate_pairing": "Climate pairing (EU Mission)",
}

AID_TYPE: dict[str, str] = {
    "humanitarian_supplies": "Humanitarian supplies",
    "evacuation_shelter": "Evacuation and shelter",
    "medical_rehabilitation": "Medical and rehabilitation",
    "reconstruction": "Reconstruction",
    "energy": "Energy",
    "water_infrastructure": "Water and infrastructure",
    "transport_vehicles": "Transport and vehicles",
    "ports_logistics": "Ports and logistics",
    "education": "Education",
    "culture": "Culture",
    "economy_trade": "Economy and trade",
    "climate": "Climate",
    "governance_expertise": "Governance expertise",
    "financial_support": "Financial support",
}

THEME: dict[str, str] = {
    "solidarity": "Wartime solidarity",
    "humanitarian": "Humanitarian aid",
    "reconstruction": "Reconstruction and recovery",
    "resilience": "Resilience",
    "climate": "Climate",
    "culture_education": "Culture and education",
    "economy": "Economy and trade",
    "ports": "Ports and logistics",
    "health": "Health and rehabilitation",
    "social_cohesion": "Social cohesion and counter-extremism",
    "migration": "Migration",
    "science": "Science and research",
}

CONFLICT: dict[str, str] = {
    "russia_ukraine_war": "Russia-Ukraine war (full-scale, from 2022)",
    "russia_ukraine_2014": "Russia-Ukraine conflict 2014-2022 (Crimea, Donbas)",
}

PLACE_KIND: dict[str, str] = {
    "city": "City or town",
    "metro_area": "Twin-city area",
    "county": "County or borough",
    "state": "State or province",
    "region": "Region or oblast",
    "port_authority": "Port authority",
    "area": "Municipality, district or county (located by its list's coordinates)",
    "group": "Group of cities",
}

CERTAINTY: dict[str, str] = {
    "sourced": "Stated by the cited source",
    "uncertain": "Inferred, approximate or sources disagree",
}

AUDIT_VERDICT: dict[str, str] = {
    "supports": "States what the row cites it for",
    "partly": "States the tie but not all the row gives (the audit says what is missing)",
    "does_not": "Does not state it (another pair, another topic)",
    "unread": "Its text could not be read",
}

REFUSAL_REASON: dict[str, str] = {
    "state_propaganda": "State-propaganda outlet or its mirror",
    "content_farm": "Content farm or auto-generated aggregator",
}

TAG_SOURCE: dict[str, str] = {
    "cited": "Cited: a source of the tie gives it",
    "derived": "Derived: a rule of derived_tags.csv gives it",
}

TIER: dict[str, str] = {
    "cited": "Cited (curated, with a source per tie)",
    "listed": "Listed (Wikipedia / Wikidata lists)",
}

# Statuses after which a tie is no longer in force: its status_date closes it.
CLOSED_STATUSES: frozenset[str] = frozenset({"suspended", "ended"})

VOCABULARIES: dict[str, dict[str, str]] = {
    "status": STATUS,
    "relation": RELATION,
    "aid_type": AID_TYPE,
    "theme": THEME,
    "conflict": CONFLICT,
    "kind": PLACE_KIND,
    "certainty": CERTAINTY,
    "audit_verdict": AUDIT_VERDICT,
    "refusal_reason": REFUSAL_REASON,
    "tag_source": TAG_SOURCE,
    "tier": TIER,
}
