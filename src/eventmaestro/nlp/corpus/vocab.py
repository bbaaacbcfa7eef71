"""Slot vocabularies: each surface form carries the entity value it states (the gold label).

Dates are gold against the corpus clock NOW (a Monday, Moscow time), so the labels are fixed
and `make eval` scores the extractor with that same `now`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=ZoneInfo("Europe/Moscow"))

Gold = dict[str, Any]

# (nominative, accusative, genitive, event_type)
EVENTS_RU: list[tuple[str, str, str, str]] = [
    ("корпоратив", "корпоратив", "корпоратива", "corporate_party"),
    ("корп", "корп", "корпа", "corporate_party"),
    ("новогодний корпоратив", "новогодний корпоратив", "новогоднего корпоратива", "corporate_party"),
    ("новогодняя вечеринка", "новогоднюю вечеринку", "новогодней вечеринки", "corporate_party"),
    ("тимбилдинг", "тимбилдинг", "тимбилдинга", "team_building"),
    ("тимбилд", "тимбилд", "тимбилда", "team_building"),
    ("выездной тимбилдинг", "выездной тимбилдинг", "выездного тимбилдинга", "team_building"),
    ("конференция", "конференцию", "конференции", "conference"),
    ("IT-конференция", "IT-конференцию", "IT-конференции", "conference"),
    ("конфа", "конфу", "конфы", "conference"),
    ("форум", "форум", "форума", "forum"),
    ("бизнес-форум", "бизнес-форум", "бизнес-форума", "forum"),
    ("семинар", "семинар", "семинара", "seminar"),
    ("обучающий семинар", "обучающий семинар", "обучающего семинара", "seminar"),
    ("вебинар", "вебинар", "вебинара", "webinar"),
    ("выставка", "выставку", "выставки", "exhibition"),
    ("презентация нового продукта", "презентацию нового продукта", "презентации нового продукта",
     "product_launch"),
    ("запуск продукта", "запуск продукта", "запуска продукта", "product_launch"),
    ("церемония награждения", "церемонию награждения", "церемонии награждения", "award_ceremony"),
    ("награждение", "награждение", "награждения", "award_ceremony"),
    ("свадьба", "свадьбу", "свадьбы", "wedding"),
    ("день рождения", "день рождения", "дня рождения", "birthday"),
    ("др", "др", "др", "birthday"),
    ("днюха", "днюху", "днюхи", "birthday"),
    ("юбилей", "юбилей", "юбилея", "birthday"),
    ("фестиваль", "фестиваль", "фестиваля", "festival"),
    ("фест", "фест", "феста", "festival"),
    ("концерт", "концерт", "концерта", "concert"),
    ("спортивный праздник", "спортивный праздник", "спортивного праздника", "sports_event"),
    ("забег", "забег", "забега", "sports_event"),
    ("турнир", "турнир", "турнира", "sports_event"),
]  # fmt: skip

EVENTS_EN: list[tuple[str, str]] = [
    ("corporate party", "corporate_party"), ("office party", "corporate_party"),
    ("Christmas party", "corporate_party"), ("team building", "team_building"),
    ("team-building day", "team_building"), ("conference", "conference"),
    ("tech conference", "conference"), ("forum", "forum"), ("seminar", "seminar"),
    ("workshop", "seminar"), ("webinar", "webinar"), ("exhibition", "exhibition"),
    ("trade show", "exhibition"), ("product launch", "product_launch"),
    ("award ceremony", "award_ceremony"), ("awards night", "award_ceremony"),
    ("wedding", "wedding"), ("birthday party", "birthday"), ("festival", "festival"),
    ("concert", "concert"), ("sports day", "sports_event"), ("tournament", "sports_event"),
]  # fmt: skip

GUESTS_RU: list[tuple[str, int]] = [
    ("на 150 человек", 150), ("на 100 гостей", 100), ("на сто человек", 100),
    ("на сто гостей", 100), ("на 50 человек", 50), ("на 200 участников", 200),
    ("на 80 чел", 80), ("на двести человек", 200), ("на 300 гостей", 300),
    ("на 40 человек", 40), ("на сто пятьдесят гостей", 150), ("на 500 участников", 500),
    ("на 1000 человек", 1000), ("на 70 сотрудников", 70), ("на 120 персон", 120),
    ("на 25 человек", 25), ("на тридцать человек", 30), ("на 60 pax", 60),
    ("на 250 гостей", 250), ("человек на 90", 90),
]  # fmt: skip
GUESTS_EN: list[tuple[str, int]] = [
    ("for 150 people", 150), ("for 100 guests", 100), ("for 200 attendees", 200),
    ("for 50 people", 50), ("150 pax", 150), ("for two hundred guests", 200),
    ("for 80 participants", 80), ("for 300 people", 300), ("with 40 guests", 40),
    ("for fifty people", 50), ("for 1000 delegates", 1000), ("for 120 employees", 120),
]  # fmt: skip

# (surface, GeoNames English name)
CITIES_RU: list[tuple[str, str]] = [
    ("в Питере", "Saint Petersburg"), ("в Санкт-Петербурге", "Saint Petersburg"),
    ("в СПб", "Saint Petersburg"), ("в питере", "Saint Petersburg"), ("в Москве", "Moscow"),
    ("в москве", "Moscow"), ("в Мск", "Moscow"), ("в Казани", "Kazan"), ("в казани", "Kazan"),
    ("в Екб", "Yekaterinburg"), ("в Екатеринбурге", "Yekaterinburg"),
    ("в Нижнем", "Nizhniy Novgorod"), ("в Нижнем Новгороде", "Nizhniy Novgorod"),
    ("в Ростове-на-Дону", "Rostov-on-Don"), ("в Ростове", "Rostov-on-Don"), ("в Сочи", "Sochi"),
    ("в Новосибирске", "Novosibirsk"), ("в Новосибе", "Novosibirsk"),
    ("в Краснодаре", "Krasnodar"), ("в Калининграде", "Kaliningrad"), ("в Самаре", "Samara"),
    ("в Уфе", "Ufa"), ("в Перми", "Perm"), ("в Воронеже", "Voronezh"), ("в Твери", "Tver"),
    ("в Ярославле", "Yaroslavl"), ("во Владивостоке", "Vladivostok"), ("в Иркутске", "Irkutsk"),
    ("в Тюмени", "Tyumen"), ("в Минске", "Minsk"), ("в Челябинске", "Chelyabinsk"),
    ("в Красноярске", "Krasnoyarsk"), ("в Омске", "Omsk"), ("в Волгограде", "Volgograd"),
]  # fmt: skip
CITIES_EN: list[tuple[str, str]] = [
    ("in Moscow", "Moscow"), ("in Saint Petersburg", "Saint Petersburg"),
    ("in St. Petersburg", "Saint Petersburg"), ("in Kazan", "Kazan"), ("in Sochi", "Sochi"),
    ("in Yekaterinburg", "Yekaterinburg"), ("in Novosibirsk", "Novosibirsk"),
    ("in Kaliningrad", "Kaliningrad"), ("in Minsk", "Minsk"), ("in Dubai", "Dubai"),
    ("in Istanbul", "Istanbul"), ("in Berlin", "Berlin"), ("in Nizhny Novgorod", "Nizhniy Novgorod"),
]  # fmt: skip

# (surface, date, date_end) against NOW = Monday 15 June 2026; a surface in WINDOWS is a
# period to choose the day in (date_window), a range is also a duration
DATES_RU: list[tuple[str, str, str | None]] = [
    ("20 декабря", "2026-12-20", None), ("20.12", "2026-12-20", None),
    ("15 апреля 2027", "2027-04-15", None), ("5 марта", "2027-03-05", None),
    ("10 июня", "2027-06-10", None), ("1 сентября", "2026-09-01", None),
    ("через 2 месяца", "2026-08-15", None), ("через месяц", "2026-07-15", None),
    ("через две недели", "2026-06-29", None), ("в следующую пятницу", "2026-06-26", None),
    ("в пятницу", "2026-06-19", None), ("завтра", "2026-06-16", None),
    ("на выходных", "2026-06-20", "2026-06-21"), ("20-22 ноября", "2026-11-20", "2026-11-22"),
    ("с 1 по 3 октября", "2026-10-01", "2026-10-03"), ("в декабре", "2026-12-01", "2026-12-31"),
    ("12.09.2026", "2026-09-12", None), ("в следующем месяце", "2026-07-01", "2026-07-31"),
    ("на следующей неделе", "2026-06-22", "2026-06-28"), ("25 июля", "2026-07-25", None),
    ("2 августа", "2026-08-02", None), ("через 3 месяца", "2026-09-15", None),
    ("в субботу", "2026-06-20", None), ("28 декабря", "2026-12-28", None),
]  # fmt: skip
DATES_EN: list[tuple[str, str, str | None]] = [
    ("on December 20", "2026-12-20", None), ("on 20 December", "2026-12-20", None),
    ("next Friday", "2026-06-26", None), ("in two months", "2026-08-15", None),
    ("in 3 weeks", "2026-07-06", None), ("on March 5, 2027", "2027-03-05", None),
    ("tomorrow", "2026-06-16", None), ("this weekend", "2026-06-20", "2026-06-21"),
    ("November 20-22", "2026-11-20", "2026-11-22"), ("in October", "2026-10-01", "2026-10-31"),
    ("next month", "2026-07-01", "2026-07-31"), ("on September 12th", "2026-09-12", None),
]  # fmt: skip
WINDOWS = frozenset(
    {"в декабре", "в следующем месяце", "на следующей неделе", "in October", "next month"}
)

# (surface, amount, currency)
BUDGETS_RU: list[tuple[str, str, str]] = [
    ("бюджет 2 млн", "2000000", "RUB"), ("бюджет 1,5 млн", "1500000", "RUB"),
    ("бюджет до 300к", "300000", "RUB"), ("бюджет 500 тыс", "500000", "RUB"),
    ("в пределах 800 000 рублей", "800000", "RUB"), ("бюджет полтора миллиона", "1500000", "RUB"),
    ("бюджет 20 тыс. евро", "20000", "EUR"), ("бюджет $20k", "20000", "USD"),
    ("бюджет 3 ляма", "3000000", "RUB"), ("за 250 000 ₽", "250000", "RUB"),
    ("бюджет два миллиона рублей", "2000000", "RUB"), ("бюджет около 700к", "700000", "RUB"),
    ("бюджет 10 000 долларов", "10000", "USD"), ("бюджет 5 млн руб", "5000000", "RUB"),
    ("уложиться в 400 тысяч", "400000", "RUB"), ("бюджет 1.2 млн", "1200000", "RUB"),
]  # fmt: skip
BUDGETS_EN: list[tuple[str, str, str]] = [
    ("budget $20k", "20000", "USD"), ("with a budget of 2 million rubles", "2000000", "RUB"),
    ("budget 500k RUB", "500000", "RUB"), ("under €15,000", "15000", "EUR"),
    ("around 1.5m rubles", "1500000", "RUB"), ("budget of $50,000", "50000", "USD"),
    ("budget 30k EUR", "30000", "EUR"), ("budget 3 mln rub", "3000000", "RUB"),
]  # fmt: skip

FORMATS_RU: list[tuple[str, str]] = [
    ("онлайн", "online"), ("в онлайне", "online"), ("в зуме", "online"), ("офлайн", "offline"),
    ("вживую", "offline"), ("очно", "offline"), ("в гибридном формате", "hybrid"),
    ("гибрид", "hybrid"), ("в формате онлайн + офлайн", "hybrid"),
]  # fmt: skip
FORMATS_EN: list[tuple[str, str]] = [
    ("online", "online"), ("virtual", "online"), ("in person", "offline"),
    ("offline", "offline"), ("hybrid", "hybrid"),
]  # fmt: skip

VENDORS_RU: list[tuple[str, str]] = [
    ("площадку", "venue"), ("зал", "venue"), ("лофт", "venue"), ("банкетный зал", "venue"),
    ("кейтеринг", "catering"), ("фуршет", "catering"), ("кейтеринг с фуршетом", "catering"),
    ("оформление", "decoration"), ("флориста", "decoration"), ("декоратора", "decoration"),
    ("ведущего", "entertainment"), ("диджея", "entertainment"),
    ("кавер-группу", "entertainment"), ("аниматоров", "entertainment"),
    ("трансфер", "logistics"), ("автобусы для гостей", "logistics"),
    ("звук и свет", "technical"), ("проектор и экран", "technical"),
    ("техническое оборудование", "technical"),
]  # fmt: skip
VENDORS_EN: list[tuple[str, str]] = [
    ("a venue", "venue"), ("an event space", "venue"), ("catering", "catering"),
    ("a caterer", "catering"), ("a florist", "decoration"), ("decor", "decoration"),
    ("an MC", "entertainment"), ("a DJ", "entertainment"), ("a band", "entertainment"),
    ("transfers", "logistics"), ("a shuttle bus", "logistics"),
    ("sound and lighting", "technical"), ("AV equipment", "technical"),
]  # fmt: skip

# Training only (templates_chat.py): bare forms for chat follow-ups («а если 200 человек?»,
# «а бюджет 3 млн?») and more surface forms for the shared slots. Held-out templates never
# draw from these, so widening them leaves the held-out split unchanged.
GUESTS_RU_BARE: list[tuple[str, int]] = [
    ("200 человек", 200), ("человек 120", 120), ("гостей 80", 80), ("300 гостей", 300),
    ("сто человек", 100), ("150 чел", 150), ("человек на 60", 60), ("250 участников", 250),
    ("двести гостей", 200), ("40 сотрудников", 40), ("полсотни человек", 50),
    ("сотню гостей", 100), ("500 человек", 500), ("тысячу участников", 1000),
    ("90 персон", 90), ("человек 35", 35), ("70 pax", 70), ("триста человек", 300),
]  # fmt: skip
GUESTS_EN_BARE: list[tuple[str, int]] = [
    ("300 guests", 300), ("200 people", 200), ("150 attendees", 150), ("80 pax", 80),
    ("fifty people", 50), ("a hundred guests", 100), ("250 participants", 250),
    ("500 delegates", 500), ("40 employees", 40), ("120 people", 120),
]  # fmt: skip
BUDGETS_RU_BARE: list[tuple[str, str, str]] = [
    ("3 млн", "3000000", "RUB"), ("800к", "800000", "RUB"), ("полтора ляма", "1500000", "RUB"),
    ("2,5 млн", "2500000", "RUB"), ("500 тыс", "500000", "RUB"), ("1 млн рублей", "1000000", "RUB"),
    ("700 тысяч", "700000", "RUB"), ("$30k", "30000", "USD"), ("20 тыс евро", "20000", "EUR"),
    ("два миллиона", "2000000", "RUB"), ("300 000 ₽", "300000", "RUB"), ("5 лямов", "5000000", "RUB"),
    ("1.8 млн", "1800000", "RUB"), ("миллион", "1000000", "RUB"),
]  # fmt: skip
BUDGETS_EN_BARE: list[tuple[str, str, str]] = [
    ("$30k", "30000", "USD"), ("$50,000", "50000", "USD"), ("3 million rubles", "3000000", "RUB"),
    ("€25k", "25000", "EUR"), ("2m RUB", "2000000", "RUB"), ("$15k", "15000", "USD"),
    ("800k rubles", "800000", "RUB"), ("10,000 euros", "10000", "EUR"),
]  # fmt: skip
CITIES_RU_MORE: list[tuple[str, str]] = [
    ("в мск", "Moscow"), ("в спб", "Saint Petersburg"), ("в екб", "Yekaterinburg"),
    ("в новосибе", "Novosibirsk"), ("в Сочах", "Sochi"), ("в Калуге", "Kaluga"),
    ("в Туле", "Tula"), ("в Казани", "Kazan"), ("в Анапе", "Anapa"), ("в Геленджике", "Gelendzhik"),
    ("в Кисловодске", "Kislovodsk"), ("в Мурманске", "Murmansk"), ("в Пскове", "Pskov"),
    ("в Дубае", "Dubai"), ("в Ереване", "Yerevan"), ("в Тбилиси", "Tbilisi"),
    ("в Алматы", "Almaty"), ("в Саратове", "Saratov"), ("в Ижевске", "Izhevsk"),
]  # fmt: skip
CITIES_EN_MORE: list[tuple[str, str]] = [
    ("in Tbilisi", "Tbilisi"), ("in Yerevan", "Yerevan"), ("in Almaty", "Almaty"),
    ("in Samara", "Samara"), ("in Krasnodar", "Krasnodar"), ("in London", "London"),
]  # fmt: skip
CITIES_RU_BARE: list[tuple[str, str]] = [
    ("Казань", "Kazan"), ("Сочи", "Sochi"), ("Питер", "Saint Petersburg"), ("Москва", "Moscow"),
    ("Екб", "Yekaterinburg"), ("Калининград", "Kaliningrad"), ("Новосиб", "Novosibirsk"),
    ("Краснодар", "Krasnodar"), ("Нижний", "Nizhniy Novgorod"), ("Самара", "Samara"),
]  # fmt: skip
CITIES_EN_BARE: list[tuple[str, str]] = [
    ("Kazan", "Kazan"), ("Sochi", "Sochi"), ("St. Petersburg", "Saint Petersburg"),
    ("Moscow", "Moscow"), ("Yekaterinburg", "Yekaterinburg"), ("Dubai", "Dubai"),
    ("Minsk", "Minsk"), ("Kaliningrad", "Kaliningrad"), ("Novosibirsk", "Novosibirsk"),
]  # fmt: skip
