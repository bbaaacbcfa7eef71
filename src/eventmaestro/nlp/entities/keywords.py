"""Closed vocabularies the text names directly: event type, format and vendor category.

Regular expressions over stems: Russian inflects the ending, the stem stays, and slang
(«корп», «тимбилд», «днюха», «др») is listed explicitly. Only what the text states is returned.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TypeVar

# One vocabulary from the chat to the database: the Event aggregate owns these labels.
from eventmaestro.events.schemas import EventFormat, EventType


class VendorCategory(StrEnum):
    VENUE = "venue"
    CATERING = "catering"
    DECORATION = "decoration"
    ENTERTAINMENT = "entertainment"
    LOGISTICS = "logistics"
    TECHNICAL = "technical"


K = TypeVar("K", bound=StrEnum)

_B = r"(?<![a-zа-я])"  # a stem must start a word

EVENT_TYPES: dict[EventType, str] = {
    EventType.TEAM_BUILDING: r"тимбилд\w*|тим-билд\w*|team[- ]?building|teambuild\w*",
    EventType.CORPORATE_PARTY: (
        r"корпоратив\w*|корпорат\b|корпорашк\w*|корпа?\b|корпчик\w*|"
        r"новогодн\w* (?:вечеринк|праздник|банкет)\w*|corporate (?:party|event|dinner)|"
        r"office party|christmas party|holiday party|new year'?s? party|corp party"
    ),
    EventType.PRODUCT_LAUNCH: (
        r"(?:запуск|презентаци|лонч)\w* (?:нового )?(?:продукт|приложени|модел|бренд|сервис)\w*|"
        r"product launch|launch (?:event|party)|лонч\w*"
    ),
    EventType.AWARD_CEREMONY: (
        r"церемони\w* (?:награжд|вручени)\w*|награждени\w*|вручени\w* преми\w*|"
        r"award(?:s)? (?:ceremony|night|gala)|awards? show"
    ),
    EventType.WEBINAR: r"вебинар\w*|webinar\w*",
    EventType.CONFERENCE: r"конференц\w*|конф[уыае]?\b|conference\w*|конфа\b|summit|саммит\w*",
    EventType.FORUM: r"форум\w*|forum\w*",
    EventType.SEMINAR: r"семинар\w*|seminar\w*|воркшоп\w*|workshop\w*|тренинг\w*|training",
    EventType.EXHIBITION: r"выставк\w*|экспо\b|expo\b|exhibition\w*|trade (?:show|fair)",
    EventType.WEDDING: r"свадьб\w*|свадебн\w*|wedding\w*|бракосочетани\w*",
    EventType.BIRTHDAY: (
        r"(?:день|дня|дню|днем|дне) рождени\w*|днюх\w*|др\b|юбиле\w*|birthday\w*|b-?day|"
        r"anniversary party"
    ),
    EventType.FESTIVAL: r"фестивал\w*|фест[аеуы]?\b|festival\w*|fest\b",
    EventType.CONCERT: r"концерт\w*|concert\w*|gig\b",
    EventType.SPORTS_EVENT: (
        r"спортивн\w* (?:мероприяти|праздник|событи|день)\w*|турнир\w*|забег\w*|марафон\w*|"
        r"спартакиад\w*|sports? (?:event|day)|tournament\w*|marathon\w*|fun run"
    ),
}

FORMATS: dict[EventFormat, str] = {
    EventFormat.HYBRID: (
        r"гибрид\w*|hybrid|онлайн\s*(?:\+|и|или|/)\s*офф?лайн|офф?лайн\s*(?:\+|и|/)\s*онлайн|"
        r"online\s*(?:\+|and|/)\s*(?:offline|in[- ]person)|"
        r"(?:offline|in[- ]person)\s*(?:\+|and|/)\s*online"
    ),
    EventFormat.ONLINE: (
        r"онлайн\w*|online|в зуме|zoom|удаленн\w*|дистанционн\w*|virtual\w*|remote\w*"
    ),
    EventFormat.OFFLINE: r"офф?лайн\w*|offline|вживую|очно\w*|in[- ]person|face[- ]to[- ]face",
}

VENDOR_CATEGORIES: dict[VendorCategory, str] = {
    VendorCategory.VENUE: (
        r"площадк\w*|зал\b|зала\b|залы\b|залов\b|помещени\w*|лофт\w*|банкетн\w* зал\w*|"
        r"venues?|halls?|loft|event space|conference room|location"
    ),
    VendorCategory.CATERING: (
        r"кейтеринг\w*|кейтер\w*|фуршет\w*|банкет\w*|питани\w*|еды\b|еду\b|еда\b|кофе-брейк\w*|"
        r"catering|caterers?|food|buffet|coffee break"
    ),
    VendorCategory.DECORATION: (
        r"декор\w*|оформлени\w*|флорист\w*|цвет(?:ы|ов|ами)\b|шар(?:ы|ов|ами)\b|"
        r"decor\w*|florists?|flowers|balloons"
    ),
    VendorCategory.ENTERTAINMENT: (
        r"ведущ\w*|артист\w*|музыкант\w*|дидже\w*|djs?\b|шоу-программ\w*|шоу\b|аниматор\w*|"
        r"кавер-групп\w*|группу\b|entertain\w*|host\b|mc\b|band\b|performers?|musicians?|"
        r"animators?|show program"
    ),
    VendorCategory.LOGISTICS: (
        r"трансфер\w*|транспорт\w*|автобус\w*|логистик\w*|доставк\w*|перевозк\w*|"
        r"transfers?|transport\w*|shuttles?|bus(?:es)?\b|logistics"
    ),
    VendorCategory.TECHNICAL: (
        r"звук\w*|свет\b|светов\w*|техник\w*|оборудовани\w*|экран\w*|проектор\w*|сцен[аыуе]\b|"
        r"технич\w*|sound|lighting|stage (?:rental|setup|equipment)|projectors?|screens?|"
        r"technical|av equipment|equipment"
    ),
}


def _compile(table: dict[K, str]) -> list[tuple[K, re.Pattern[str]]]:
    return [
        (key, re.compile(_B + f"(?:{pattern})", re.IGNORECASE)) for key, pattern in table.items()
    ]


_EVENT_TYPES = _compile(EVENT_TYPES)
_FORMATS = _compile(FORMATS)
_VENDOR_CATEGORIES = _compile(VENDOR_CATEGORIES)


def _first_mentioned(text: str, table: list[tuple[K, re.Pattern[str]]]) -> K | None:
    """The earliest mention wins; table order (more specific first) breaks ties."""
    found = [(m.start(), rank) for rank, (_, p) in enumerate(table) if (m := p.search(text))]
    return table[min(found)[1]][0] if found else None


def _first_by_priority(text: str, table: list[tuple[K, re.Pattern[str]]]) -> K | None:
    return next((key for key, pattern in table if pattern.search(text)), None)


def extract_event_type(text: str) -> EventType | None:
    return _first_by_priority(text, _EVENT_TYPES)


def extract_format(text: str) -> EventFormat | None:
    return _first_by_priority(text, _FORMATS)


def extract_vendor_category(text: str) -> VendorCategory | None:
    return _first_mentioned(text, _VENDOR_CATEGORIES)
