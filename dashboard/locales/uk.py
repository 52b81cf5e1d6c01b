"""The Ukrainian catalogue: the same names, shapes and `{placeholders}` as `dashboard/locales/en.py`, in Ukrainian."""

from __future__ import annotations

APP_TITLE = "Twinning Atlas"
TAGLINE = (
    "Атлас побратимства. Муніципальна дипломатія на карті: міста-побратими, міста-партнери і те, що передається "
    "між ними."
)

# Featured cities: (label on the button, name as in the data, ISO2 country).
FEATURED_CITIES: tuple[tuple[str, str, str], ...] = (
    ("Київ", "Kyiv", "UA"),
    ("Львів", "Lviv", "UA"),
    ("Харків", "Kharkiv", "UA"),
    ("Одеса", "Odesa", "UA"),
)
FEATURED_HEADING = "Панелі міст"

# Filters
FILTERS_HEADING = "Фільтри"
FILTER_LABELS: dict[str, str] = {
    "city": "Місце",
    "country": "Країна (будь-якої сторони)",
    "status": "Статус зв’язку",
    "aid": "Тип допомоги (будь-який із)",
    "relation": "Тип зв’язку",
    "theme": "Тема",
    "conflict": "Конфлікт",
    "years": "Чинний у роки",
    "tier": "Рівень",
    "color": "Колір дуг за",
}
FACET_NAMES: dict[str, str] = {  # as they appear in "hidden by: ..."
    "country": "країна",
    "status": "статус",
    "aid": "тип допомоги",
    "relation": "тип зв’язку",
    "theme": "тема",
    "conflict": "конфлікт",
    "years": "роки",
    "city": "пошук місця",
    "tier": "рівень джерел",
}
PLACE_SEARCH_PLACEHOLDER = "Шукати місце: Київ, Kyiv, Lemberg…"
ANY_PLACEHOLDER = "Усі"
YEAR_FROM_PLACEHOLDER = "від"
YEAR_TO_PLACEHOLDER = "до"
INCLUDE_UNDATED = "Показати також зв’язки без відомого року початку"
UNDATED_HIDDEN = "зв’язки без відомого року початку не показано"
UNDATED_INCLUDED = "зв’язки без відомого року початку враховано"
COUNT_UNDATED = "з них без відомого року початку: {n:,}"
YEAR_FROM_LABEL = "З року"
YEAR_TO_LABEL = "До року"
RESET = "Скинути фільтри"
COLOR_BY: dict[str, str] = {"status": "Статус", "aid": "Тип допомоги"}
PLACE_MATCHES = "Знайдено: {names}"
PLACE_NO_MATCH = "Жодне місце не відповідає запиту «{query}»."
VOCAB_LABELS: dict[str, dict[str, str]] = {
    "status": {
        "active": "Чинний",
        "dormant": "Неактивний (без нещодавньої діяльності)",
        "suspended": "Призупинений",
        "ended": "Припинений (розірваний або завершений)",
        "proposed": "Запропонований",
        "unknown": "Статус невідомий",
    },
    "aid": {
        "humanitarian_supplies": "Гуманітарні вантажі",
        "evacuation_shelter": "Евакуація та прихисток",
        "medical_rehabilitation": "Медицина та реабілітація",
        "reconstruction": "Відбудова",
        "energy": "Енергетика",
        "water_infrastructure": "Водопостачання та інфраструктура",
        "transport_vehicles": "Транспорт і техніка",
        "ports_logistics": "Порти та логістика",
        "education": "Освіта",
        "culture": "Культура",
        "economy_trade": "Економіка та торгівля",
        "climate": "Клімат",
        "governance_expertise": "Експертиза з урядування",
        "financial_support": "Фінансова підтримка",
    },
    "relation": {
        "sister_city": "Місто-побратим / поріднене місто",
        "partner_city": "Місто-партнер",
        "friendship_city": "Дружнє місто",
        "cooperation_agreement": "Угода про співпрацю",
        "memorandum": "Меморандум про взаєморозуміння",
        "sister_county": "Округ-побратим",
        "sister_state": "Штат / регіон-побратим",
        "climate_pairing": "Кліматичне партнерство (Місія ЄС)",
    },
    "theme": {
        "solidarity": "Солідарність у воєнний час",
        "humanitarian": "Гуманітарна допомога",
        "reconstruction": "Відбудова та відновлення",
        "resilience": "Стійкість",
        "climate": "Клімат",
        "culture_education": "Культура та освіта",
        "economy": "Економіка та торгівля",
        "ports": "Порти та логістика",
        "health": "Здоров’я та реабілітація",
        "social_cohesion": "Соціальна згуртованість і протидія екстремізму",
        "migration": "Міграція",
        "science": "Наука та дослідження",
    },
    "conflict": {
        "russia_ukraine_war": "Російсько-українська війна (повномасштабна, з 2022 р.)",
        "russia_ukraine_2014": "Російська агресія 2014–2022 рр. (Крим, Донбас)",
    },
    "tier": {
        "cited": "З джерелами (відібрані вручну, джерело до кожного зв’язку)",
        "listed": "Зі списків (списки Wikipedia / Wikidata)",
    },
    "kind": {
        "city": "Місто або селище",
        "metro_area": "Агломерація двох міст",
        "county": "Округ або район",
        "state": "Штат або провінція",
        "region": "Регіон або область",
        "port_authority": "Портова адміністрація",
        "area": "Муніципалітет, район чи округ (розміщено за координатами зі списку)",
        "group": "Група міст",
    },
    "certainty": {
        "sourced": "Зазначено в наведеному джерелі",
        "uncertain": "Значення виведене чи приблизне, або джерела розходяться",
    },
}

# Map
NO_AID = "Допомогу не зафіксовано"
SELECTED_TIES = "Вибрані"
PLACES_TRACE = "Місця"
LEGEND_TITLE: dict[str, str] = {"status": "Статус", "aid": "Тип допомоги"}
STYLE_KEY = "Лінія: суцільна — чинний · штрихова — призупинений або припинений · штрихпунктирна — запропонований"
TIE_HOVER_SINCE = "початок: {since}"
TIE_HOVER_STATUS_DATE = "{status}: {date}"
TIE_HOVER_AID = "Допомога: {aid}"
PLACE_HOVER = "Зв’язків за фільтрами: {n}"
MAP_LABEL = "Карта світу з партнерськими зв’язками"
# Shown on the map when a view holds more than it draws (figures.ARC_LIMIT, figures.PLACE_LIMIT); plotly does not
# wrap annotations, hence the <br>.
MAP_TIES_CAPPED = (
    "Зв’язків за фільтрами: {total:,}; намальовано {drawn:,} — спершу з джерелами та відомим статусом,<br>"
    "далі фіксована вибірка. Звузьте фільтри, щоб намалювати всі."
)
MAP_PLACES_CAPPED = (
    "Точками позначено місця з найбільшою кількістю зв’язків ({shown:,} із {total:,});<br>"
    "пошук місця знаходить будь-яке."
)

# Counts strip and the hidden-ties line
COUNT_TIES = "зв’язки"
COUNT_PLACES = "місця"
COUNT_COUNTRIES = "країни"
SHOWING_ALL = "Показано всі зв’язки ({total:,})."
SHOWING_SOME = "Показано зв’язків: {shown:,} із {total:,}; приховано {hidden:,} через фільтри: {facets}."
HIDDEN_FACET = "{facet} ({n:,})"

# Notices (bad URL values)
NOTICE_HEADING = "Деякі частини цього посилання не розпізнано, їх проігноровано:"
NOTICE_UNKNOWN_KEY = "невідомий параметр «{key}»"
NOTICE_UNKNOWN_WORD = "{what}: невідоме значення «{value}»"
DOWNLOAD_REFUSED = (
    "Завантаження відхилено: посилання містить значення, яких атлас не розуміє. Виправте або вилучіть їх:"
)
IMAGE_BUSY = "Усі засоби малювання зображень зайняті. Спробуйте ще раз за кілька секунд."
UPLOAD_BUSY = "{name}: сервер саме перевіряє інші файли. Виберіть файл ще раз за кілька секунд."
IMAGE_UNAVAILABLE = (
    "Цей сервер не може малювати зображення: на ньому немає Chromium. Інтерактивна вставка (/embed) працює."
)
NOTICE_UNKNOWN_COUNTRY = "country: «{value}» не є дволітерним кодом ISO 3166"
NOTICE_BAD_YEAR = "{key}: «{value}» не є роком"
NOTICE_SWAPPED_YEARS = "Роки {typed} вказано у зворотному порядку: показано зв’язки, чинні у {shown}."
NOTICE_LONG_TEXT = "city: текст пошуку обрізано до {n} симв."
NOTICE_REPEATED_KEY = "{key}: задано кілька разів; значення об’єднано"

# Panel
PANEL_EMPTY_TITLE = "Панель міста"
PANEL_EMPTY_TEXT = (
    "Оберіть Київ, Львів, Харків чи Одесу вгорі або клацніть місце на карті, щоб побачити його партнерів, "
    "що передавалося через кожен зв’язок, хронологію та джерела."
)
PANEL_CLOSE = "Закрити панель"
PANEL_NOT_IN_DATA = "{name}: у наборі даних поки немає зв’язків."
PANEL_SUMMARY = "{ties} {ties_word} · {partners} {partners_word} · {countries} {countries_word}"
TIE_WORDS = ("зв’язок", "зв’язки", "зв’язків")
PARTNER_PLACE_WORDS = ("місце-партнер", "місця-партнери", "місць-партнерів")
COUNTRY_WORDS = ("країна", "країни", "країн")
PANEL_ALL_TIES_NOTE = "Усі зв’язки цього місця, незалежно від фільтрів."
PANEL_PARTNERS = "Партнери"
PANEL_AID = "Що передавалося"
PANEL_TIMELINE = "Хронологія"
PANEL_NETWORKS = "Членство в мережах"
PANEL_SOURCES = "Джерела"
PANEL_NO_AID = "Допомогу для цього місця не зафіксовано."
PANEL_NO_NETWORKS = "Членство в мережах не зафіксовано."
PANEL_CONTEXT_NOTE = "стосується: {name}"
PANEL_UNCERTAIN = "непевно"
PANEL_LISTED = "лише у списках"
PANEL_LISTED_TITLE = "Зі списків Wikipedia / Wikidata: дати, статус і допомогу не зафіксовано"
TIMELINE_FORMED = "{relation}: {partner}"
TIMELINE_CLOSED = "{status} зв’язок: {partner}"
TIMELINE_STATUS_VERB: dict[str, str] = {"suspended": "Призупинено", "ended": "Припинено"}
AID_FLOW = "{donor} → {recipient}"
QUANTITY_UNITS: dict[str, str] = {  # a format per quantity column of aid_events
    "tonnes": "{value} т",
    "people": "{value} ос.",
    "euros": "{value} €",
    "usd": "{value} дол. США",
    "units": "{value} од.",
    "vehicles": "{value} од. техніки",
}
SINCE = "початок: {date}"
UNDATED = "без дати"
SOURCE_COUNT = "Джерел: {n}"

# Table
TABLE_HEADING = "Зв’язки за фільтрами"
TABLE_SEARCH_PLACEHOLDER = "Пошук у таблиці…"
TABLE_COLUMNS: dict[str, str] = {
    "city_a": "Місце А",
    "country_a": "Країна",
    "city_b": "Місце Б",
    "country_b": "Країна",
    "relation": "Тип зв’язку",
    "status": "Статус",
    "tier": "Рівень джерел",
    "certainty": "Достовірність",
    "since": "Дата початку",
    "status_date": "Дата статусу",
    "aid_types": "Типи допомоги",
    "tags": "Конфлікт · тема",
    "provenance": "Списки",
    "distance_km": "км",
    "n_sources": "Джерела",
}
TABLE_CAPPED = (
    "Зв’язків за фільтрами: {total:,}; таблиця показує перші {shown:,} (спершу з джерелами). "
    "Звузьте фільтри, щоб побачити решту, або завантажте всі."
)
DOWNLOAD_CSV = "Завантажити CSV"
DOWNLOAD_GEOJSON = "Завантажити GeoJSON"
DOWNLOAD_PACKAGE = "Пакет даних (ZIP)"
DOWNLOAD_PACKAGE_NOTE = "CSV і GeoJSON зв’язків у поданні, з їхньою схемою, ліцензіями, джерелами й цитуванням"
DOWNLOADS_NOTE = "Завантаження містять зв’язки за поточними фільтрами."

# Data & sources
ABOUT_HEADING = "Дані та джерела"
ABOUT_PARAGRAPHS: tuple[str, ...] = (
    "Зв’язки з джерелами — це відібрані вручну записи: два місця, тип зв’язку, його статус і дати, що "
    "передавалося через нього, і щонайменше одне джерело на рядок. Зв’язки, події допомоги та членство в мережах "
    "зібрано з новинних статей, сторінок міст і звітів, зазначених у кожному рядку.",
    "Зв’язки зі списків (блідо-сірі на карті, статус невідомий) взято зі списків міст-побратимів у Wikipedia та з "
    "Wikidata: вони лише вказують, що два місця поріднені, без дат, статусу чи допомоги.",
    "Місця геокодовано офлайн за газетиром GeoNames; омоніми та місця, що не є містами, прив’язано вручну. Дуги "
    "проведено по великих колах. Дати наведено з тією точністю, яку дають джерела; «непевно» позначає значення, "
    "виведені з інших даних або такі, щодо яких джерела розходяться.",
)
ABOUT_STATS = (
    "Зв’язків: {ties:,} (з джерелами: {cited:,}, зі списків: {listed:,}); подій допомоги: {events:,}; записів "
    "про членство в мережах: {members:,}; окремих джерел: {sources:,}."
)
ABOUT_VERSION = "Версія набору даних: {version}."
ABOUT_PROBLEMS = "Рядків вихідних файлів, пропущених через помилки перевірки: {n}."
LICENCES_HEADING = "Ліцензії"
LICENCES: tuple[tuple[str, str, str], ...] = (  # (what, licence, link)
    ("Газетир: GeoNames", "CC BY 4.0", "https://www.geonames.org/"),
    (
        "Списки міст-побратимів у Wikipedia",
        "CC BY-SA 4.0",
        "https://en.wikipedia.org/wiki/Lists_of_twin_towns_and_sister_cities",
    ),
    ("Wikidata (поріднена адміністративна одиниця, P190)", "CC0", "https://www.wikidata.org/wiki/Property:P190"),
    ("Базова карта: Natural Earth 1:110m", "суспільне надбання", "https://www.naturalearthdata.com/"),
    ("Відібрані вручну записи", "факти з наведеними джерелами", ""),
)
FOOTER = "Twinning Atlas: відкритий код. Кожен зв’язок має посилання на свої джерела."

# --- Sharing, embedding and exports (issue 5) ---------------------------------------------------------------
NOTICE_BAD_NUMBER = "{key}: «{value}» не є числом від {low} до {high}"
NOTICE_BAD_PLACE = "place: «{value}» не є ідентифікатором місця"
NOTICE_BAD_FLAG = "{key}: «{value}» не є ні 1, ні 0"
NOTICE_LONG_TITLE = "title: заголовок обрізано до {n} симв."
SHARE_BAR_LABEL = "Поділитися цим поданням"
COPY_LINK = "Копіювати посилання"
LINK_COPIED = "Посилання скопійовано"
EMBED = "Вбудувати"
EXPORT = "Експорт"
CLOSE = "Закрити"
SHARE_LINK_LABEL = "Посилання на це подання (фільтри, вибране місце, положення карти)"
EMBED_HEADING = "Вбудувати цю карту"
EMBED_HELP = (
    "Вставте це на вебсторінку, у програму для слайдів або CMS, що приймає HTML. Фрейм показує лише карту цього "
    "подання, без елементів керування; відвідувачі можуть наводити курсор, переміщувати карту й перейти за "
    "посиланням до повного атласу."
)
EMBED_TITLE_LABEL = "Заголовок (необов’язково)"
EMBED_OPTIONS_LABEL = "Показати"
EMBED_OPTIONS: dict[str, str] = {"legend": "Легенда", "caption": "Підпис із джерелами"}
EMBED_SNIPPET_LABEL = "HTML для вставлення"
COPY_SNIPPET = "Копіювати HTML"
EMBED_FRAME_TITLE = "Twinning Atlas: карта муніципальних партнерств"
EXPORT_HEADING = "Експортувати це подання"
EXPORT_TITLE_LABEL = "Заголовок на зображенні та сторінці"
EXPORT_SIZE_LABEL = "Розмір зображення"
EXPORT_SIZES: dict[str, str] = {"1920x1080": "1920×1080 (слайд)", "1280x720": "1280×720", "a4": "A4, альбомна"}
EXPORT_HIDPI = "×2 для екранів високої щільності"
EXPORT_IMAGES = "Зображення (із вбудованими заголовком, легендою та джерелами)"
EXPORT_PNG = "Завантажити PNG"
EXPORT_SVG = "Завантажити SVG"
EXPORT_FILES = "Файли"
EXPORT_HTML = "Автономний HTML (працює офлайн)"
EXPORT_CSV = "CSV"
EXPORT_GEOJSON = "GeoJSON"
EXPORT_PACKAGE = "Пакет даних (ZIP: CSV, GeoJSON, схема, ліцензії, цитування)"
EXPORT_WORKING = "Малюємо зображення…"
EXPORT_DONE = "Збережено: {name}."
EXPORT_FAILED = "Не вдалося намалювати зображення: {error}"
CITE_HEADING = "Як цитувати це подання"
COPY_CITATION = "Копіювати цитування"
CITATION = "{app}, версія набору даних {version} ({date}). Подання: зв’язків — {ties:,}, джерел — {sources:,}."
CITATION_ACCESSED = "Дата звернення: {date}."
ATTRIBUTION = (
    "Дані: Twinning Atlas, джерело до кожного зв’язку · списки міст-побратимів у Wikipedia (CC BY-SA 4.0) · "
    "Wikidata (CC0) · GeoNames (CC BY 4.0) · базова карта Natural Earth"
)
CAPTION_SHORT = (
    "набір даних {version} · зв’язків: {ties:,}, джерел: {sources:,} · GeoNames (CC BY 4.0), Wikipedia "
    "(CC BY-SA 4.0), Wikidata (CC0), Natural Earth"
)
VIEW_SUBTITLE = "Зв’язків: {ties:,} · {filters}"
VIEW_ALL_TIES = "усі зв’язки"
VIEW_PLACE = "вибрано: {place}"
EXPORT_FILENAME = "twinning-atlas"

# --- Your own data and hostile links (issue 7: reliability and security) -----------------------------------
NOTICE_LONG_QUERY = "посилання обрізано до перших {n} симв."
NOTICE_MORE = "… і ще {n}"
YOUR_DATA_HEADING = "Ваші дані"
YOUR_DATA_INTRO = (
    "Додайте власні зв’язки: CSV-файл у форматі partnerships.csv (стовпці city_a, country_a, city_b, "
    "country_b, relation, status, sources і необов’язкові). Рядки перевіряються за тими самими правилами, що й "
    "вбудовані дані; коректні рядки з’являються на карті, а проблеми перелічено нижче за рядком і стовпцем. Файл "
    "залишається в цій вкладці браузера: він не зберігається на сервері, і ніхто інший його не бачить."
)
UPLOAD_PROMPT = "Перетягніть сюди CSV-файл або клацніть, щоб вибрати"
UPLOAD_LIMITS = "Не більше {mb:g} МБ; рядків — до {rows:,}."
UPLOAD_MODE_LABEL = "Показати"
UPLOAD_MODES: dict[str, str] = {"beside": "Ваші зв’язки разом із вбудованими", "alone": "Лише ваші зв’язки"}
UPLOAD_CLEAR = "Вилучити ваші дані"
UPLOAD_WORKING = "Перевіряємо {name}…"
UPLOAD_SUMMARY = "{name}: зв’язків на карті: {ties:,}; пропущено рядків: {bad:,} (проблем: {problems:,})."
UPLOAD_SUMMARY_CLEAN = "{name}: усі зв’язки ({ties:,}) на карті."
UPLOAD_REFUSED = "Файл {name} не прочитано: {reason}"
UPLOAD_TOO_BIG = "файл має {mb:.1f} МБ, а ліміт — {limit:g} МБ: розділіть його на менші файли"
UPLOAD_NOT_A_FILE = "не вдалося розпізнати завантажене як файл"
UPLOAD_REPORT_COLUMNS: tuple[str, str, str] = ("Рядок", "Стовпець", "Проблема")
UPLOAD_REPORT_CAPPED = "Проблем: {total:,}; показано перші {shown:,}. Усі можна завантажити нижче."
UPLOAD_REPORT_BUTTON = "Завантажити звіт (CSV)"
UPLOAD_REPORT_FILE = "upload-problems.csv"
UPLOAD_LEGEND = "Ваші дані"
UPLOAD_HOVER_TAG = "ваші дані, рядок {row}"
UPLOAD_READ_AS = "Прочитано як {encoding}, роздільник {separator}."
UPLOAD_ENCODING_NAMES: dict[str, str] = {"UTF-8 with BOM": "UTF-8 з позначкою порядку байтів"}
UPLOAD_SEPARATOR_NAMES: dict[str, str] = {",": "«,»", ";": "«;»", "\t": "табуляція"}
UPLOAD_OPTIONAL_ABSENT = "Немає необов’язкових стовпців (читаються як порожні, це не проблема): {columns}."
UPLOAD_TIES_BUTTON = "Завантажити ваші зв’язки (CSV)"
UPLOAD_TIES_FILE = "your-ties.csv"
UPLOAD_NOT_IN_FILES = (
    "Ваших завантажених зв’язків немає в цих файлах: вони лишаються в цій вкладці. Завантажте їх кнопкою "
    "«Завантажити ваші зв’язки (CSV)» в розділі «Ваші дані»."
)
UPLOAD_NOT_IN_EXPORTS = (
    "Ваших завантажених зв’язків немає в цих зображеннях і файлах: вони лишаються в цій вкладці. Завантажте їх "
    "кнопкою «Завантажити ваші зв’язки (CSV)» в розділі «Ваші дані»."
)
COUNT_YOUR_TIES = "ваших зв’язків"
SHOWING_ALL_YOURS = "Показано всі ваші зв’язки ({total:,})."
SHOWING_SOME_YOURS = "Показано ваших зв’язків: {shown:,} із {total:,}; приховано {hidden:,} через фільтри: {facets}."
YOURS_BESIDE = "Також на карті: ваших зв’язків {shown:,} із {total:,}."
TABLE_CAPPED_YOURS = (
    "У таблиці перші {shown:,} з ваших {total:,} зв’язків за поточними фільтрами; звузьте фільтри, щоб побачити "
    "інші, або завантажте всі кнопкою «Завантажити ваші зв’язки (CSV)»."
)

# --- Provenance tiers, networks layer and data quality (issue 4: global breadth) ------------------------------
TIER_SHORT: dict[str, str] = {"cited": "З джерелами", "listed": "Зі списків"}
TIER_OPTIONS: dict[str, str] = {"": "Усі", "cited": "Лише з джерелами", "listed": "Лише зі списків"}  # the "Ties" radio
FILTER_TIER = "Зв’язки"
FILTER_TIER_HINT = (
    "З джерелами: відібрані вручну, джерело до кожного зв’язку. Зі списків: списки Wikipedia / Wikidata, "
    "статус невідомий."
)
LIST_NAMES: dict[str, str] = {"wikipedia": "Wikipedia", "wikidata": "Wikidata"}
LISTED_IN = "у списках: {lists}"
ALSO_LISTED = "також у списках: {lists}"
LISTED_BY_ONLY = "вказує лише {name}"
UNCERTAIN_TITLE = "Значення виведене чи приблизне, або джерела розходяться"
TIE_HOVER_CITED = "З джерелами · джерел: {n}"
LISTED_TRACE = "Зі списків (статус невідомий)"
CITED_PLACE_HOVER = "Зв’язків за фільтрами: {n} (з джерелами: {cited})"
COUNT_TIER = "{label} {n:,}"
# The networks layer: `show=networks` in the URL turns it on; MAP_LAYERS are the words of that key.
MAP_LAYERS: dict[str, str] = {"networks": "Показати мережі міст"}
FILTER_NETWORKS = "Мережі міст"
FILTER_NETWORK = "Показані мережі"
NETWORK_PLACEHOLDER = "Усі мережі вибраних тем"
NETWORK_HINT = "Місця-члени позначено кільцями; фільтр «Тема» також відбирає мережі."
NETWORK_LEGEND_TITLE = "Мережі"
NETWORK_KEY_HEADING = "Кільця мереж:"
NETWORK_KEY_MEMBERS = "Показано: {n}"
NETWORK_HOVER_SOURCES = "джерел: {n}"
NETWORK_HOVER_SINCE = "початок: {since}"
NOTICE_BAD_NETWORK = "network: «{value}» не є ідентифікатором мережі"
NOTICE_UNKNOWN_NETWORK = "network: у цих даних немає мережі «{value}»"
PANEL_LISTED_GROUP = "У списках Wikipedia/Wikidata (статус невідомий)"
PANEL_CITED = "з джерелом"
PANEL_CITED_TITLE = "Відібраний вручну зв’язок із джерелом; статус і дати — з наведених джерел"
PANEL_TIERS = "з джерелами: {cited} · у списках Wikipedia/Wikidata: {listed}"
QUALITY_HEADING = "Якість даних"
QUALITY_INTRO = (
    "Перевірки, яких не робить жодна інша карта міст-побратимів, підраховані для всього набору даних. Команда "
    "«python -m geodata report» перелічує їх для кожного зв’язку окремо в geodata/build/report.md."
)
QUALITY_ITEMS: tuple[tuple[str, str], ...] = (  # (QualitySummary field, sentence)
    ("one_sided", "Зв’язків зі списків, що є лише в списку одного з партнерів (інша сторона їх не вказує): {n:,}."),
    (
        "ukraine_russia_active",
        "Зв’язків між українськими та російськими місцями, які досі позначено як чинні або без статусу: {n:,}; "
        "більшість таких зв’язків припинено у 2014–2022 рр.",
    ),
    (
        "date_conflicts",
        "Зв’язків із джерелами, дати яких у джерелах розходяться (у примітці вказано, яку взято): {n:,}.",
    ),
    (
        "far_from_source",
        "Місць, розташованих понад 100 км від точки, яку їм дав список Wikipedia: {n:,}; його власне геокодування "
        "поставило назву на тезку, а звіт для кожного місця пояснює, чому точка списку хибна.",
    ),
    ("far_unreviewed", "З цих далеких місць ще не перевірено: {n:,}."),
    ("unresolved", "Записів зі списків, які не вдалося нанести на карту (для кожного збережено причину): {n:,}."),
)

# --- Languages (issue 8) ---------------------------------------------------------------------------------------
LANGUAGE_NAV = "Мова"
# The other language is offered in its own name (i18n.LANGUAGE_NAMES); this title says what the link does.
LANGUAGE_SWITCH_TITLE = "Показати атлас англійською"  # the switch offers the other language
NOTICE_BAD_LANG = "lang: «{value}» не є мовою цього атласу ({known})"
# dash-ag-grid's own words (its localeText option): the ones the ties table shows.
GRID_LOCALE: dict[str, str] = {
    "noRowsToShow": "Немає зв’язків за фільтрами",
    "noMatchingRows": "Немає зв’язків за фільтрами",
    "loadingOoo": "Завантаження…",
    "page": "Сторінка",
    "of": "з",
    "to": "–",
    "more": "більше",
    "firstPage": "Перша сторінка",
    "lastPage": "Остання сторінка",
    "nextPage": "Наступна сторінка",
    "previousPage": "Попередня сторінка",
    "pageSizeSelectorLabel": "Рядків на сторінці:",
    "ariaRowSelect": "Натисніть пробіл, щоб вибрати цей рядок",
    "ariaSearch": "Пошук",
    "sortAscending": "Сортувати за зростанням",
    "sortDescending": "Сортувати за спаданням",
}

# --- Accessibility (issue 8) ------------------------------------------------------------------------------------
SKIP_LINKS_LABEL = "Швидкі переходи"
SKIP_TO_MAP = "Перейти до карти"
SKIP_TO_TABLE = "Перейти до таблиці зв’язків"
# Read after the map's name by screen readers: the map itself cannot be used with the keyboard beyond its buttons.
MAP_KEYBOARD_HINT = "Таблиця під картою містить ті самі зв’язки, і з нею можна працювати з клавіатури."
TABLE_KEYBOARD_HINT = (
    "Клавіатура: Tab переводить у таблицю і далі за неї; стрілки переміщують між клітинками; пробіл або Enter "
    "на рядку показує цей зв’язок на карті; Enter на назві місця відкриває панель міста."
)
# Said once by screen readers when a city panel opens (a polite live region), instead of the whole panel.
PANEL_ANNOUNCE = "{name}: {ties} {ties_word}, {partners} {partners_word}"
PANEL_CLOSED = "Панель міста закрито"
# Слова самих випадних списків Dash (їхній параметр `labels`); {num_selected} підставляє список.
DROPDOWN_LABELS: dict[str, str] = {
    "select_all": "Вибрати все",
    "deselect_all": "Скасувати вибір усіх",
    "selected_count": "Вибрано: {num_selected}",
    "search": "Пошук",
    "clear_search": "Очистити пошук",
    "clear_selection": "Очистити вибір",
    "no_options_found": "Нічого не знайдено",
}
# Часткові дати даних (dashboard.i18n.date_text): десятиліття («1970s»), приблизна дата («1992~»).
DATE_DECADE = "{decade}-ті"
DATE_APPROXIMATE = "бл. {date}"

# --- Правдивість даних: виведені мітки конфлікту й теми (issue 12) --------------------------------------------
FILTER_TAGS = "Мітки конфлікту й теми"
TAGS_OPTIONS: dict[str, str] = {"": "З джерел і виведені", "cited": "Лише з джерел", "derived": "Лише виведені"}
FILTER_TAGS_HINT = (
    "З джерел: мітку дає джерело зв’язку. Виведені: її дає задокументоване правило (наприклад, зв’язок "
    "українського чи російського міста, чинний від 2022 року, належить до війни; медична допомога — це здоров’я)."
)
TAG_DERIVED = "{tag} (виведено)"  # a derived tag in the hover, the table and the panel
TIE_HOVER_TAGS = "Мітки: {tags}"
WARTIME_HEADING = "Від початку повномасштабного вторгнення (2022)"
WARTIME_SUMMARY = (
    "Утворено зв’язків: {formed} · призупинено або припинено: {closed} · зафіксовано поставок допомоги: {aid}"
)
WARTIME_TOTALS = "Пораховано в поставках: {totals}"
WARTIME_FORMED = "Утворено"
WARTIME_CLOSED = "Призупинено або припинено"
MAP_LOADING = "Завантаження зв’язків…"
MAP_PACK_FAILED = (
    "Не вдалося завантажити зв’язки із сервера. Змініть фільтр або перезавантажте сторінку, щоб спробувати ще раз."
)
LOADING = "Завантаження…"

# --- Slide deck of a view (issue 15) ----------------------------------------------------------------------------
EXPORT_PPTX = "Слайди (PPTX)"
SLIDES_EXPORTED = "Дата експорту: {date}"
SLIDES_DATASET = "Версія набору даних {version} ({date})"
SLIDES_TIES_RANGE = "зв’язки {first:,}–{last:,} із {total:,}"
SLIDES_TABLE_CAPPED = (
    "На слайдах перші {shown:,} із {total:,} зв’язків за фільтрами (спершу з джерелами); у завантаженні CSV є всі."
)
SLIDES_NO_TIES = "За цими фільтрами зв’язків немає."
SLIDES_SOURCES_RANGE = "джерела {first:,}–{last:,} із {total:,}"
SLIDES_SOURCES_NOTE = "Усі джерела, на які посилаються зв’язки на цих слайдах."
SLIDES_SOURCES_NOTE_PLACE = "Усі джерела, на які посилаються зв’язки й місце на цих слайдах."
SLIDES_NO_SOURCES = "Зв’язки на цих слайдах не посилаються на джерела."
SLIDES_VIEW_LINK = "Це подання в атласі: {link}"
