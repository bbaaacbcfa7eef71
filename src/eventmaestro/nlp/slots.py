"""Arguments of chat commands, read from the words: «перенеси дедлайн по кейтерингу на
пятницу», «добавь расход 50 000 на цветы», «окупится ли, если билет 5000?».

The entity rules (`entities/`) read facts about an event; a command's numbers and names are
something else — «50 000» in «добавь расход 50 000» is an expense, not the event's budget —
so they are read here, by rules that only run once the intent says which command it is.
Pure functions: no I/O, `today` is passed in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from eventmaestro.nlp.entities.dates import extract_dates
from eventmaestro.nlp.entities.extract import normalise
from eventmaestro.nlp.entities.guests import extract_guests
from eventmaestro.nlp.numbers import parse_decimal

_MULTIPLIERS: tuple[tuple[re.Pattern[str], Decimal], ...] = (
    (re.compile(r"млн\.?|миллион\w*|лям\w*|m|mln|millions?"), Decimal(1_000_000)),
    (re.compile(r"тыс\.?|тысяч\w*|тыщ\w*|к|k|thousands?"), Decimal(1000)),
)
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
_AMOUNT = re.compile(
    rf"(?<![\d.,/$€])(?P<num>{_NUMBER})(?![\d/])\s*"
    r"(?P<mult>млн\.?|миллион\w*|лям\w*|mln|millions?|m|тыс\.?|тысяч\w*|тыщ\w*|thousands?|к|k)?"
    r"(?:\s*(?:₽|руб\w*\.?|р\.?|rub\w*|rur|roubles?))?"
    r"(?![a-zа-я])",
)
_MONTHS = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]\b|июн\w*|июл\w*|август\w*|сентябр\w*|"
    r"октябр\w*|ноябр\w*|декабр\w*|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
# A number followed by one of these counts people, time, a share or foreign money, not roubles.
_NOT_MONEY_AFTER = re.compile(
    r"\s*(?:человек|чел\b|гост|участник|персон|мест|pax|people|guests|attendees|seats|"
    r"дн|день|недел|месяц|час|лет|год|days?\b|weeks?\b|months?\b|hours?\b|years?\b|%|"
    r"процент|долл|бакс|\$|usd|eur|евро|€|dollars?|euros?|"
    rf"(?:{_MONTHS})(?![a-zа-я])|[-–](?:го|е|ое|ого)\b)",
)
_DATE_LIKE = re.compile(r"\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b|\b20\d\d-\d\d-\d\d\b")


def _grouped(raw: str, has_multiplier: bool) -> Decimal:
    """«50 000» and "50,000" group thousands; «1,5 млн» and «1 500,50» have a fraction."""
    raw = re.sub(r"[ \u00a0\u202f]", "", raw)
    if not has_multiplier and re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        raw = re.sub(r"[.,]", "", raw)
    return parse_decimal(raw)


def amounts(text: str) -> list[Decimal]:
    """Every sum of money the text names, in order, in roubles to the kopeck: «50 000»,
    «50к», «1,5 млн», "50,000". Dates, guests and durations are not money."""
    low = _DATE_LIKE.sub(" ", text.lower().replace("ё", "е"))
    found: list[Decimal] = []
    for match in _AMOUNT.finditer(low):
        mult = match.group("mult")
        if _NOT_MONEY_AFTER.match(low, match.end()) or (
            not mult and _NOT_MONEY_AFTER.match(low, match.end("num"))
        ):
            continue
        try:
            value = _grouped(match.group("num"), bool(mult))
        except InvalidOperation:
            continue
        if mult:
            value *= next(factor for pattern, factor in _MULTIPLIERS if pattern.fullmatch(mult))
        if 0 < value < Decimal(10) ** 12:
            found.append(value.quantize(Decimal("0.01")))
    return found


def amount(text: str) -> Decimal | None:
    """The first sum of money in the text, or None."""
    found = amounts(text)
    return found[0] if found else None


def attendance(text: str) -> int | None:
    """People the text expects («придут 200 человек»), or None."""
    return extract_guests(normalise(text))


_TICKET = re.compile(r"(?<![a-zа-я])(?:билет\w*|вход\w*|цен\w*|ticket\w*|price\w*|entry)")
_SPENDING = re.compile(
    r"(?<![a-zа-я])(?:бюджет\w*|смет\w*|потрат\w*|затрат\w*|расход\w*|вложи\w*|"
    r"budget|spend\w*|spent|costs?|invest\w*)"
)


def ticket_price(text: str) -> Decimal | None:
    """The ticket price a question supposes («если билет 5000?»); a sum that reads as
    spending («если потратим 3 млн?») is not one."""
    normal = normalise(text)
    if _SPENDING.search(normal) and not _TICKET.search(normal):
        return None
    return amount(text)


@dataclass(frozen=True, slots=True)
class PricePoint:
    """One observation of demand: at `price`, `attendance` people buy (None: not stated)."""

    price: Decimal
    attendance: int | None


def price_point(text: str) -> PricePoint | None:
    """«если при 3000 придут 200 человек» → 3000 ₽ and 200; «билет 5000» → 5000 ₽ alone."""
    price = ticket_price(text)
    return PricePoint(price, attendance(text)) if price is not None else None


_MOVE = re.compile(
    r"(?<![a-zа-я])(?:перен[её]с\w*|перенос\w*|сдвин\w*|сдвиг\w*|передвин\w*|отлож\w*|"
    r"продли\w*|измени\w*|поменя\w*|move\w*|postpone\w*|reschedul\w*|shift\w*|push\w*|"
    r"extend\w*|change\w*)"
)


def wants_task_move(text: str) -> bool:
    """«перенеси…», «сдвинь…», «отложи…», "move…": a change of a task's date, not a list."""
    return bool(_MOVE.search(normalise(text)))


_DEADLINE = re.compile(r"(?<![a-zа-я])(?:срок\w*|дедлайн\w*|задач\w*|deadlines?|due|tasks?)")
_THE_EVENT = re.compile(r"(?<![a-zа-я])(?:мероприяти\w*|событи\w*|ивент\w*|events?)(?![a-zа-я])")


def moves_a_task_deadline(text: str) -> bool:
    """«перенеси срок дегустации на 2 сентября» moves a task even though it reads like a
    brief with a date; «перенеси мероприятие на 15 октября» moves the event itself."""
    normal = normalise(text)
    return bool(_MOVE.search(normal) and _DEADLINE.search(normal)) and not _THE_EVENT.search(normal)


def due_date(text: str, today: dt.date) -> dt.date | None:
    """The date a deadline moves to («на пятницу», «к 15 октября»), counted from `today`."""
    span = extract_dates(normalise(text), today)
    return span.start if span else None


_RECORD = re.compile(
    r"(?<![a-zа-я])(?:добав\w*|запиш\w*|внес\w*|внест\w*|учти\w*|потратил\w*|оплатил\w*|"
    r"заплатил\w*|add\w*|record\w*|log\b|spent|paid)"
)
_QUESTION = re.compile(r"(?<![a-zа-я])(?:сколько|како\w*|что|how|what)(?![a-zа-я])|\?")


def records_expense(text: str) -> bool:
    """«добавь расход 50 000 на цветы» records (and its answer says what is left, so «…,
    сколько осталось?» is still a record); «сколько мы потратили?» asks."""
    normal = normalise(text)
    has_amount, has_verb = amount(text) is not None, bool(_RECORD.search(normal))
    if has_amount and has_verb:
        return True
    return (has_amount or has_verb) and not _QUESTION.search(normal)


_QUOTED = re.compile(r"[«\"“„']([^»\"”“']{2,200})[»\"”“']")
_WORD = re.compile(r"[a-zа-я]+(?:-[a-zа-я]+)*")
# Words of the command itself, of deadlines and of dates: what is left names the task.
_NOT_TASK_WORDS = re.compile(
    r"(?:"
    r"перен[её]с\w*|перенос\w*|сдвин\w*|сдвиг\w*|передвин\w*|отлож\w*|продли\w*|измени\w*|"
    r"поменя\w*|поставь\w*|установи\w*|move\w*|postpone\w*|reschedul\w*|shift\w*|push\w*|"
    r"extend\w*|change\w*|set|"
    r"дедлайн\w*|срок\w*|задач\w*|deadlines?|due|dates?|tasks?|"
    r"пожалуйста|плиз|please|нам|наш\w*|our|мне|me|все|всё|всю|весь|"
    r"по|для|на|к|ко|до|с|со|в|во|от|из|за|и|the|a|an|of|for|to|by|on|until|till|and|"
    r"понедельник\w*|вторник\w*|сред[ауеы]|четверг\w*|пятниц\w*|суббот\w*|воскресень\w*|"
    r"mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|"
    rf"{_MONTHS}|"
    r"сегодня|завтра|послезавтра|today|tomorrow|следующ\w*|next|эт(?:а|и|о|у|от|ой|ом|ую)|this|"
    r"дн[еяь]\w*|день|недел\w*|месяц\w*|days?|weeks?|months?|"
    r"позже|попозже|позднее|раньше|пораньше|ранее|вперед|назад|later|earlier|sooner|back|"
    r"forward|ahead"
    r")"
)


def task_reference(text: str) -> str | None:
    """The words naming a task: a quoted title as written, else what remains once the
    command, deadline and date words are dropped («по кейтерингу на пятницу» → «кейтерингу»)."""
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group(1).strip()
    kept = [w for w in _WORD.findall(normalise(text)) if not _NOT_TASK_WORDS.fullmatch(w)]
    return " ".join(kept) or None


@dataclass(frozen=True, slots=True)
class TaskQuestion:
    """Which of the event's tasks a question asks about."""

    overdue_only: bool = False
    due_within_days: int | None = None


_OVERDUE = re.compile(r"просроч\w*|опозда\w*|overdue|late\b|missed")
_URGENT = re.compile(
    r"гор[иия]\w*|сгора\w*|срочн\w*|ближайш\w*|на этой неделе|на неделе|скоро|urgent\w*|"
    r"burning|on fire|this week|due soon|coming up"
)
URGENT_DAYS = 7


def task_question(text: str) -> TaskQuestion:
    """«что у нас горит?» — overdue or due within a week; «что просрочено?» — overdue only;
    anything else — every task."""
    normal = normalise(text)
    if _URGENT.search(normal):
        return TaskQuestion(due_within_days=URGENT_DAYS)
    if _OVERDUE.search(normal):
        return TaskQuestion(overdue_only=True)
    return TaskQuestion()


_FIRST_N = re.compile(r"(?<![a-zа-я])(?:перв(?:ые|ых)|first|топ|top)[\s-]*(?P<n>\d{1,2})(?!\d)")
_ORDINAL = re.compile(
    r"(?<![a-zа-я])(?P<stem>перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят)"
    r"(?:ый|ой|ий|ого|ому|ая|ую|ое|ые|ых|ья|ье|ьего|ью|ьи|ьим)(?![a-zа-я])|"
    r"(?<![a-z])(?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"(?![a-z])|(?:№|#|номер\s*)?(?<![\d.,])(?P<n>\d{1,2})(?![\d.,]|\s*(?:человек|гост|%))"
)
_ORDINAL_STEMS = "перв втор трет четверт пят шест седьм восьм девят десят".split()
_ORDINAL_EN = "first second third fourth fifth sixth seventh eighth ninth tenth".split()


def positions(text: str) -> list[int] | None:
    """Which items of a list the words pick, 1-based: «первые два» → 1, 2; «первый и
    третий» → 1, 3; «1 и 3» → 1, 3. None when they pick none in particular («сравни их»)."""
    normal = normalise(text)
    first = _FIRST_N.search(normal)
    if first:
        return list(range(1, int(first.group("n")) + 1)) or None
    picked: list[int] = []
    for match in _ORDINAL.finditer(normal):
        if match.group("stem"):
            picked.append(_ORDINAL_STEMS.index(match.group("stem")) + 1)
        elif match.group("en"):
            picked.append(_ORDINAL_EN.index(match.group("en")) + 1)
        elif int(match.group("n")) > 0:
            picked.append(int(match.group("n")))
    return list(dict.fromkeys(picked)) or None
