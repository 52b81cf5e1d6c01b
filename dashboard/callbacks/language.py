"""The language switch: its link follows the view (filters, place, map position), so switching keeps the view.

Switching reloads the page: the layout of a visit is built in one language (dashboard.page_language).
"""

from __future__ import annotations

from dash import Input, Output, State, clientside_callback

from dashboard import i18n, ids

clientside_callback(
    """
    function(shareQuery, lang) {
        var target = lang === "DEFAULT" ? "OTHER" : "DEFAULT";
        var params = new URLSearchParams(String(shareQuery || "").replace(/^\\?/, ""));
        if (target === "DEFAULT") { params.delete("KEY"); } else { params.set("KEY", target); }
        return "?" + params.toString();
    }
    """.replace("DEFAULT", i18n.DEFAULT_LANG)
    .replace("OTHER", next(lang for lang in i18n.LANGS if lang != i18n.DEFAULT_LANG))
    .replace("KEY", i18n.LANG_KEY),
    Output(ids.LANG_SWITCH, "href"),
    Input(ids.SHARE_QUERY, "data"),
    State(ids.LANG, "data"),
)
