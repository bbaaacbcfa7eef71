"""Entity rules, each a pure function of the text (and `today` for dates)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmaestro.kit.money import Currency
from eventmaestro.nlp.entities.cities import extract_city
from eventmaestro.nlp.entities.dates import add_months, extract_dates
from eventmaestro.nlp.entities.extract import extract_entities, local_today, normalise
from eventmaestro.nlp.entities.guests import extract_guests
from eventmaestro.nlp.entities.keywords import (
    extract_event_type,
    extract_format,
    extract_vendor_category,
)
from eventmaestro.nlp.entities.money import extract_budget
from eventmaestro.nlp.numbers import words_to_digits

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("на сто пятьдесят человек", "на 150 человек"),
        ("на двухсот гостей", "на 200 гостей"),
        ("бюджет полтора миллиона", "бюджет 1.5 миллиона"),
        ("two hundred and fifty guests", "250 guests"),
        ("две тысячи гостей", "2000 гостей"),
        ("ждём тысячу гостей", "ждём 1000 гостей"),
        ("уложиться в 400 тысяч", "уложиться в 400 тысяч"),
        ("до 20-го декабря на 150-ти человек", "до 20 декабря на 150 человек"),
        ("через две недели", "через 2 недели"),
    ],
)
def test_numbers_in_words_become_digits(text: str, expected: str) -> None:
    assert words_to_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("бюджет 2 млн", "2000000", Currency.RUB),
        ("1,5 млн", "1500000", Currency.RUB),
        ("до 300к", "300000", Currency.RUB),
        ("$20k", "20000", Currency.USD),
        ("20 тыс. евро", "20000", Currency.EUR),
        ("budget 500,000 rub", "500000", Currency.RUB),
        ("бюджет 800 000", "800000", Currency.RUB),
        ("за 300 000 рублей", "300000", Currency.RUB),
        ("€15k budget", "15000", Currency.EUR),
        ("50 000 ₽", "50000", Currency.RUB),
        ("бюджет полтора миллиона", "1500000", Currency.RUB),
        ("budget of 2.5m dollars", "2500000", Currency.USD),
        ("3 млн руб.", "3000000", Currency.RUB),
        ("2 ляма", "2000000", Currency.RUB),
        ("корпоратив на 150 человек 20.12, бюджет 1,5 млн", "1500000", Currency.RUB),
        ("уложиться в 400 тысяч", "400000", Currency.RUB),
        ("under €15,000", "15000", Currency.EUR),
    ],
)
def test_budget_amount_and_currency(text: str, amount: str, currency: Currency) -> None:
    money = extract_budget(normalise(text))
    assert money is not None
    assert money.amount == Decimal(amount)
    assert money.currency is currency


@pytest.mark.parametrize(
    "text",
    [
        "150 pax",
        "в 2027 году",
        "через 2 месяца",
        "на 150 человек 20.12",
        "за 3 дня",
        "до 20 декабря",
        "стоит ли ставить билет за 5000?",
        "is 50 dollars too much for a ticket?",
    ],
)
def test_numbers_that_are_not_a_budget(text: str) -> None:
    assert extract_budget(normalise(text)) is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("на 150 человек", 150),
        ("на сто гостей", 100),
        ("150 pax", 150),
        ("for two hundred attendees", 200),
        ("человек на 90", 90),
        ("гостей будет около 80", 80),
        ("100-120 участников", 120),
        ("а если 200 человек?", 200),
        ("на 80 чел", 80),
        ("для 200 партнёров", 200),
    ],
)
def test_guests(text: str, count: int) -> None:
    assert extract_guests(normalise(text)) == count


@pytest.mark.parametrize("text", ["бюджет 2 млн", "20.12", "через 2 месяца", "гостей 2 млн"])
def test_no_guests(text: str) -> None:
    assert extract_guests(normalise(text)) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("корпоратив 20 декабря", date(2026, 12, 20), None),
        ("20.12", date(2026, 12, 20), None),
        ("20.12.2026", date(2026, 12, 20), None),
        ("15 апреля 2027", date(2027, 4, 15), None),
        ("5 октября", date(2027, 10, 5), None),  # already passed this year
        ("20 декабря 2026 года", date(2026, 12, 20), None),
        ("20-22 декабря", date(2026, 12, 20), date(2026, 12, 22)),
        ("с 28 декабря по 3 января", date(2026, 12, 28), date(2027, 1, 3)),
        ("в декабре", date(2026, 12, 1), date(2026, 12, 31)),
        ("in march", date(2027, 3, 1), date(2027, 3, 31)),
        ("december 20th", date(2026, 12, 20), None),
        ("march 3-5, 2027", date(2027, 3, 3), date(2027, 3, 5)),
        ("on may 5", date(2027, 5, 5), None),
        ("12/03", date(2027, 3, 12), None),
        ("через 2 месяца", date(2027, 1, 24), None),
        ("через неделю", date(2026, 12, 1), None),
        ("через полгода", date(2027, 5, 24), None),
        ("in two weeks", date(2026, 12, 8), None),
        ("в следующую пятницу", date(2026, 12, 4), None),
        ("next friday", date(2026, 12, 4), None),
        ("в пятницу", date(2026, 11, 27), None),
        ("перенеси дедлайн на пятницу", date(2026, 11, 27), None),
        ("сдать к пятнице", date(2026, 11, 27), None),
        ("до понедельника", date(2026, 11, 30), None),
        ("by friday", date(2026, 11, 27), None),
        ("завтра", date(2026, 11, 25), None),
        ("послезавтра", date(2026, 11, 26), None),
        ("на выходных", date(2026, 11, 28), date(2026, 11, 29)),
        ("next week", date(2026, 11, 30), date(2026, 12, 6)),
        ("на следующую неделю", date(2026, 11, 30), date(2026, 12, 6)),
        ("до пятницы", date(2026, 11, 27), None),  # a deadline is that day
        ("by thursday", date(2026, 11, 26), None),
        ("в следующем месяце", date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_dates_resolved_against_today(text: str, start: date, end: date | None) -> None:
    span = extract_dates(normalise(text), TODAY)
    assert span is not None
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize("text", ["бюджет 1.5 млн", "1,5 млн", "на 150 человек", "привет"])
def test_no_dates(text: str) -> None:
    assert extract_dates(normalise(text), TODAY) is None


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_today_is_the_users_calendar_day() -> None:
    late_utc = datetime(2026, 12, 31, 22, 30, tzinfo=UTC)
    assert local_today(late_utc, "Europe/Moscow") == date(2027, 1, 1)
    assert local_today(late_utc, "America/New_York") == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("text", "name", "geoname_id"),
    [
        ("в Питере", "Saint Petersburg", 498817),
        ("в питере", "Saint Petersburg", 498817),
        ("СПб", "Saint Petersburg", 498817),
        ("в Санкт-Петербурге", "Saint Petersburg", 498817),
        ("Екб", "Yekaterinburg", 1486209),
        ("в Ебурге", "Yekaterinburg", 1486209),
        ("корпоратив в Нижнем", "Nizhniy Novgorod", 520555),
        ("в Нижнем Новгороде", "Nizhniy Novgorod", 520555),
        ("в Ростове-на-Дону", "Rostov-on-Don", 501175),
        ("в казани", "Kazan", 551487),
        ("в Сочи", "Sochi", 491422),
        ("в новосибе", "Novosibirsk", 1496747),
        ("Самаре", "Samara", 499099),
        ("в Минске", "Minsk", 625144),
        ("conference in Kazan", "Kazan", 551487),
        ("a party in moscow", "Moscow", 524901),
        ("in St. Petersburg", "Saint Petersburg", 498817),
        ("hunt for a band in nizhny novgorod", "Nizhniy Novgorod", 520555),
    ],
)
def test_cities_normalised_to_geonames(text: str, name: str, geoname_id: int) -> None:
    city = extract_city(text)
    assert city is not None
    assert (city.name, city.geoname_id) == (name, geoname_id)


@pytest.mark.parametrize(
    "text",
    [
        "Reading the plan",
        "в городе",
        "найди площадку",
        "сколько лет Пушкину",
        "send the contract to the caterer",
        "туры по городу",
    ],
)
def test_words_that_are_not_cities(text: str) -> None:
    assert extract_city(text) is None


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("корпоратив", "corporate_party"),
        ("корп на 50", "corporate_party"),
        ("тимбилд", "team_building"),
        ("др у шефа", "birthday"),
        ("день рождения", "birthday"),
        ("днюха", "birthday"),
        ("IT-конференция", "conference"),
        ("конфу", "conference"),
        ("презентация нового продукта", "product_launch"),
        ("церемония награждения", "award_ceremony"),
        ("фест", "festival"),
        ("забег", "sports_event"),
        ("trade show", "exhibition"),
        ("office party", "corporate_party"),
        ("awards night", "award_ceremony"),
    ],
)
def test_event_type(text: str, event_type: str) -> None:
    assert extract_event_type(normalise(text)) == event_type


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("онлайн", "online"),
        ("в зуме", "online"),
        ("вживую", "offline"),
        ("in person", "offline"),
        ("гибрид", "hybrid"),
        ("в формате онлайн + офлайн", "hybrid"),
    ],
)
def test_format(text: str, value: str) -> None:
    assert extract_format(normalise(text)) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("найди площадку", "venue"),
        ("банкетный зал", "venue"),
        ("кейтеринг с фуршетом", "catering"),
        ("флориста", "decoration"),
        ("ведущего и диджея", "entertainment"),
        ("two DJs", "entertainment"),
        ("трансфер из аэропорта", "logistics"),
        ("звук и свет", "technical"),
        ("AV equipment", "technical"),
    ],
)
def test_vendor_category(text: str, value: str) -> None:
    assert extract_vendor_category(normalise(text)) == value


def test_full_brief() -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    text = "корпоратив на сто человек в Питере 20.12, бюджет 1,5 млн"
    entities = extract_entities(text, now).model_dump(mode="json", exclude_none=True)
    assert entities == {
        "event_type": "corporate_party",
        "guests_count": 100,
        "budget": {"amount": "1500000.00", "currency": "RUB"},
        "city": {"name": "Saint Petersburg", "geoname_id": 498817},
        "date": "2026-12-20",
    }


def test_only_what_the_text_states() -> None:
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert extract_entities("привет, как дела?", now).model_dump(exclude_none=True) == {}


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789 .,-–/:$€₽кkmмлнтысрубевроденьякабвгдзийопстухцчшщыэюяAZaz")
        ),
        max_size=120,
    )
)
def test_any_text_extracts_without_error(text: str) -> None:
    entities = extract_entities(text, datetime(2026, 11, 24, tzinfo=UTC))
    if entities.budget is not None:
        assert entities.budget.amount > 0
    if entities.guests_count is not None:
        assert entities.guests_count > 0
    if entities.date and entities.date_end:
        assert entities.date_end > entities.date
