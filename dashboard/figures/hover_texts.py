"""The words on the map: per-tie hover HTML and place labels, computed once per dataset and language."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from dashboard import i18n, text
from geodata.regions import region_name
from geodata.schema import LIST_SEPARATOR, SOURCE_SEPARATOR


def lists_label(listed_in: object) -> str:
    """The lists holding a tie, by name ("Wikipedia, Wikidata"), "" for none."""
    return ", ".join(text.LIST_NAMES.get(w, w) for w in str(listed_in or "").split(LIST_SEPARATOR) if w)


def listed_by_only(tie: Any) -> str:
    """The name of the one end whose list holds a one-sided tie, "" when both or neither list it."""
    if not bool(getattr(tie, "one_sided", False)):
        return ""
    return local_name(tie, "city_a" if bool(getattr(tie, "listed_by_a", False)) else "city_b")


def local_name(row: Any, column: str) -> str:
    """A place-name field of a row in the active language ("city_a" reads "city_a_uk" in Ukrainian), else Latin."""
    key = i18n.name_key(column)
    return str((getattr(row, key, None) if key else None) or getattr(row, column))


def provenance_text(tie: Any) -> str:
    """Where a tie comes from, in one line: "Cited · 3 sources · also in Wikipedia" or
    "Listed in Wikipedia, Wikidata · listed by Kyiv only", then " · uncertain" when it is."""
    lists = lists_label(getattr(tie, "listed_in", ""))
    if getattr(tie, "tier", "cited") == "listed":
        line = text.fmt(text.LISTED_IN, lists=lists or text.TIER_SHORT["listed"])
        parts = [line[:1].upper() + line[1:]]
        if lister := listed_by_only(tie):
            parts.append(text.fmt(text.LISTED_BY_ONLY, name=lister))
    else:
        n_sources = getattr(tie, "n_sources", None)
        if n_sources is None or (isinstance(n_sources, float) and math.isnan(n_sources)):
            n_sources = len([s for s in str(getattr(tie, "sources", "") or "").split(SOURCE_SEPARATOR) if s.strip()])
        parts = [text.fmt(text.TIE_HOVER_CITED, n=int(n_sources))]
        if lists:
            parts.append(text.fmt(text.ALSO_LISTED, lists=lists))
    if getattr(tie, "certainty", "") == "uncertain":
        parts.append(text.PANEL_UNCERTAIN)
    return " · ".join(parts)


def tie_tags_label(tie: Any) -> str:
    """A tie's conflict and theme tags, cited and derived (marked), as one short line; '' when it has none."""
    return text.tags_label(
        getattr(tie, "conflicts", ""),
        getattr(tie, "conflicts_derived", ""),
        getattr(tie, "themes", ""),
        getattr(tie, "themes_derived", ""),
    )


def tie_hover_texts(partnerships: pd.DataFrame) -> np.ndarray:
    """Per tie: who, what, since when and its status, as plotly hover HTML."""
    texts = []
    name_a = partnerships[i18n.name_column("city_a", partnerships.columns)].tolist()
    name_b = partnerships[i18n.name_column("city_b", partnerships.columns)].tolist()
    for tie, city_a, city_b in zip(partnerships.itertuples(index=False), name_a, name_b):
        status = text.label("status", tie.status)
        lines = [
            f"<b>{city_a} ({tie.country_a}) – {city_b} ({tie.country_b})</b>",
            f"{text.label('relation', tie.relation)} · {status}",
        ]
        dates = []
        if tie.since:
            dates.append(text.fmt(text.TIE_HOVER_SINCE, since=i18n.date_text(tie.since)))
        if tie.status_date:
            dates.append(text.fmt(text.TIE_HOVER_STATUS_DATE, status=status, date=i18n.date_text(tie.status_date)))
        if dates:
            lines.append(" · ".join(dates))
        if tie.aid_types:
            lines.append(text.fmt(text.TIE_HOVER_AID, aid=text.list_label("aid", tie.aid_types)))
        if tags := tie_tags_label(tie):
            lines.append(text.fmt(text.TIE_HOVER_TAGS, tags=tags))
        lines.append(f"<i>{provenance_text(tie)}</i>")
        texts.append("<br>".join(lines))
    return np.array(texts, dtype=object)


def homonym_admin1(places: pd.DataFrame) -> dict[str, str]:
    """Place id -> the region of the places that share their name and country with another (Yichun, CN:
    Jiangxi, Heilongjiang), named where GeoNames' name is bundled (geodata.regions), else its admin1 code."""
    if "admin1" not in places:
        return {}
    admin1 = places["admin1"].fillna("").astype(str)
    shared = places.duplicated(["name", "country"], keep=False) & admin1.ne("")
    chosen = places.loc[shared]
    return {
        str(pid): region_name(country, code)
        for pid, country, code in zip(chosen["place_id"], chosen["country"], admin1[shared])
    }


def place_labels(places: pd.DataFrame, place_ids: list[str]) -> np.ndarray:
    """Per place code of the index: "Name (CC)", or "Name (CC, region)" where two places share name and country."""
    column = places[i18n.name_column("name", places.columns)]
    homonyms = homonym_admin1(places)
    names = {
        str(pid): f"{name} ({cc}, {homonyms[str(pid)]})" if str(pid) in homonyms else f"{name} ({cc})"
        for pid, name, cc in zip(places["place_id"], column, places["country"])
    }
    return np.array([names.get(pid, pid) for pid in place_ids], dtype=object)
