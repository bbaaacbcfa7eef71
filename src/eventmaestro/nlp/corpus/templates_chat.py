"""Training templates for how people actually type in a chat: follow-ups, fragments, slang.

A conversation about an event goes on after the first brief: «а если 200 человек?», «давай в
Сочи», «перенеси на неделю позже», "what about 300 guests?". Each of these refines the event
brief, so it is `create_event_plan` (the orchestrator merges the new entities into the event it
is planning). Everything else here widens the other intents with chat phrasing (lower case,
abbreviations, «чё», «плз», several clauses in one message) and widens `out_of_scope` with
everyday questions that share words with the product (taxes, code, recipes, weather, health).

Training only: held-out templates and utterances never come from this file. Slots ending in
`_bare` (vocab.py, `*_BARE`) are used by these templates alone.
"""

from __future__ import annotations

from eventmaestro.nlp.corpus.templates import Templates

# Relative moves of a date the conversation already has: no date entity is stated.
_SHIFT_RU = (
    "(на неделю|на две недели|на 2 недели|на пару недель|на три дня|на пару дней|на день|"
    "на месяц|на 10 дней|на полмесяца|на неделю-две) (позже|раньше|вперёд|назад)"
)
_SHIFT_EN = (
    "(a week|two weeks|2 weeks|a couple of days|three days|a day|a month|ten days) "
    "(later|earlier|forward|back)"
)

CHAT_TRAIN: Templates = {
    "create_event_plan": {
        "ru": [
            # follow-ups on the headcount
            "(а|ну а|а вот) если (придёт|приедет|подтвердится) {guests_bare}?",
            "а (на|для) {guests_bare}?",
            "(давай|пусть будет|посчитай) (на|для) {guests_bare}",
            "(гостей|людей|участников) (станет|будет) (больше|меньше)[ —] {guests_bare}",
            "(увеличь|уменьши|поменяй) (количество гостей|число участников|кол-во людей) до {guests_bare}",
            "(уточнение|поправка|апдейт) по (людям|гостям|списку): {guests_bare}",
            # follow-ups on the city
            "(а|ну а) {city} (можно|получится|реально)?",
            "(давай|может|а может) {city}",
            "(перенесём|переносим|переезжаем) (всё|мероприятие|ивент) {city}",
            "(а|и) (что если|если) (сделать|провести) {city}?",
            "(поменяй|смени) город[,] (пусть будет|на) {city}",
            "(нет|неа), (всё-таки|лучше) {city}",
            "(а|ну а|давай|может) {city_bare}?",
            "(город|локация)[:] {city_bare}",
            # follow-ups on the date
            "(сдвинь|передвинь|подвинь) (всё|мероприятие|дату|ивент|его) " + _SHIFT_RU,
            "(может|давай) (перенесём|сдвинем|передвинем) " + _SHIFT_RU + "?",
            "(давай|перенеси|ок, тогда) {date}",
            "(а если|а может) {date}?",
            "(дата|дату) (меняется|поменяй|переносится) на {date}",
            "(не успеваем|не успеем|горим), (сдвинь|перенеси) " + _SHIFT_RU,
            "(клиент|заказчик|босс) (просит|хочет) (перенести|сдвинуть) " + _SHIFT_RU,
            # follow-ups on the budget
            "(а|а если) {budget}?",
            "(а|ну а) (с бюджетом|если денег) {budget_bare}?",
            "(давай|попробуем|надо) (уложиться|влезть|вписаться) в {budget_bare}",
            "(бюджет|денег) (подняли|поменялся|увеличили|срезали), теперь {budget_bare}",
            "(пересчитай|переделай|перестрой) план (под|на) {budget_bare}",
            # follow-ups on the format and the kind of event
            "(а если|давай|может) {format}?",
            "(пусть будет|переделай в|давай в формате) {format}",
            "(а если|давай) (вместо этого|лучше) {event_acc}?",
            "(а если|может) (это будет|сделать) {event} {guests}?",
            # several refinements in one message
            "(а если|давай) {city} и {guests_bare}?",
            "(ок|хорошо|ладно), (тогда|значит) {date}, {guests_bare}",
            "(окей|ок), {city}, {budget}, {date}",
            "(тогда|значит) {guests_bare}, {format}, {date}",
            "(нет|не), {city}, и (перенеси|сдвинь) " + _SHIFT_RU,
            # first briefs in chat shorthand
            "(нужно|надо|хотим|будем делать) {event_acc} {guests} {city} {date} {budget}",
            "{event} {date}, {guests}, {city}. (что делать|с чего начать|план нужен|помоги)",
            "{event}, {city}, {guests}, {budget}. (накидай|распиши) план",
            "(у нас|у клиента) {event} {date} {format}, (надо|нужно) (всё продумать|всё спланировать)",
            "(коллеги|всем привет), (к|на) {date} (нужен|нужна|нужно) {event} {guests}",
            "(короче|в общем), {event} {city}, {guests}, {date}, (помоги с планом|что делаем)",
            "(сделай|набросай) (таймлайн|чек-лист|роадмап) (под|к) {event_acc} {format}",
            "(затеваем|устраиваем) {event_acc} {city} {date}, (подскажи|помоги) (что когда делать|с планом)",
            "(надо|нужно) (устроить|сделать) {event_acc} {date}, (а мы|а я) (в запаре|не знаем с чего начать)",
            "{event} {guests} {date} {format}",
            "{event} {city} {budget}",
        ],
        "en": [
            "(and if we have|what if it's|and with) {guests_bare}?",
            "(make it|change it to|go with) {guests_bare}",
            "(actually|update|correction), (it's|we're) {guests_bare}",
            "(what about|how about|and what if we go) {city}?",
            "(let's|can we|maybe) (do it|move it|go) {city} instead",
            "(same|same plan) but {city}",
            "(and|ok and|and what about) {city}?",
            "(what about|how about|maybe) {city_bare}(| instead)?",
            "(let's go with|switch to|make it) {city_bare}",
            "(push|shift) (it|the event|everything|the date) " + _SHIFT_EN,
            "(can we|could we|let's) (move|push) it " + _SHIFT_EN + "?",
            "(what if|how about|let's do) {date}?",
            "(change|switch) the date to {date}",
            "(and with|what if we have) {budget}?",
            "(what if|and if) the budget is {budget_bare}?",
            "(we need to|let's) (stay|keep it) (within|under) {budget_bare}",
            "(let's|what if we) (do it|go) {format}(| instead)?",
            "(what if|how about) (it's|we make it) a {event} instead?",
            "(ok|alright|fine), {city}, {guests_bare}, {date}",
            "(so|ok so) {event} {city} {date} {guests} {budget}, (where do we start|plan it)",
            "(we need|gotta) (to organise|to throw) a {event} {guests} {date}, (help|ideas?)",
            "{event} {date} {guests} {format}",
            "{event} {city} {budget}",
        ],
    },
    "manage_tasks": {
        "ru": [
            "(кинь|добавь|запиши) в (туду|список дел|задачи)[:] (забрать|согласовать|оплатить|распечатать) (пропуска|меню|рассадку|программу)",
            "(поручи|отдай) (Паше|Кате|Игорю|Свете) (закупку|обзвон спикеров|рассадку|печать программок)[ до {date}]",
            "(что|чё) (на мне|у меня) (висит|осталось) (на сегодня|на неделе)?",
            "(Паша|Катя|Игорь) (закончил|закончила|доделал|доделала) (бронь|программку|обзвон), (отметь|вычеркни) (пункт|таску)",
            "(открой|выведи) (туду|чек-лист|таски) по {event_gen}",
            "(на ком|кто ведёт) (сейчас|у нас) (регистрацию|рассадку|подарки|пропуска)?",
            "(чьи|какие) таски (висят|не закрыты|сгорели) (у команды|у Кати|на этой неделе)?",
            "(напомни|поставь напоминалку) (мне|команде) (согласовать|проверить) (программу|рассадку) {date}",
            "(разбей|раздели) (подготовку|работу) на (задачи|подзадачи) и (раздай|распредели) (команде|по людям)",
        ],
        "en": [
            "(put|drop) (a to-do|it on the list)[:] (email the florist|order water|book the bus|confirm the MC)",
            "(assign|give) (Dan|Kate|Olga) the (badges|seating|flower order) task[ by {date}]",
            "what's (due|on fire|pending) for me (today|tomorrow)?",
            "(Kate|Dan) (finished|did) the (mailing|booking), (tick it off|mark it done)",
            "who's (on|handling) (registration|badges|seating)?",
            "(move|push|shift) the (catering|venue|printing|badges) deadline to (friday|monday|next week)",
            "what's (urgent|burning|overdue)[ right now]?",
        ],
    },
    "estimate_budget": {
        "ru": [
            "(почём|сколько|во сколько) (встанет|обойдётся|выйдет) {event} {guests} {city}?",
            "(набросай|накидай) (смету|расходы|калькуляцию) (на|для) {event_acc} {guests}, {city}",
            "(хватит ли|влезем ли в) {budget_bare} (на|для) {event_acc} {guests}?",
            "(сколько|во что) (выльется|обойдётся) (аренда|банкет|трансфер|техника|оформление) {guests}?",
            "(какой бюджет|сколько) (закладывать|просить) (под|на) {vendor} {guests}?",
            "(распредели|разложи) {budget_bare} (по категориям|на всё) (для|под) {event_acc}",
            "(порядок цен|средний чек) (на|за) {event_acc} {guests}?",
            "{event} {guests} {city} — (сколько денег|какой бюджет)?",
        ],
        "en": [
            "(rough number|price tag) for a {event} {guests} {city}?",
            "how much (do we need to|would we) budget for a {event} {guests}?",
            "what does a {event} {guests} (run|set us back) (these days|roughly)?",
            "(is it possible to) do a {event} {guests} (for|on) {budget_bare}?",
        ],
    },
    "track_expenses": {
        "ru": [
            "(перевели|скинули|отдали) (флористу|за звук|за трансфер|артисту) {budget_bare}, (запиши|проведи) (в факт|в траты)",
            "(сколько|скока) всего (ушло|потратили) (бабла|денег)? (на|по) {event_acc}",
            "(мы|а мы) (в смету|в бюджет) (вписываемся|укладываемся) (пока|ещё)?",
            "(проведи|добавь) (инвойс|чек) (за|от) (декора|артиста|площадки) на {budget_bare}",
            "(сколько|что) (осталось|свободно) (в бюджете|денег) (на|по) {event_acc}?",
            "(аванс|оплату) (артисту|по декору) (отправили|провели) (сегодня|утром), (зафиксируй|учти)",
            "(перерасход|вылезли за смету) (по|на) {event_acc}? (на сколько|покажи)",
        ],
        "en": [
            "(log|book) {budget_bare} (spent) (on) {vendor}",
            "we (transferred|wired) {budget_bare} to the (band|florist), (log|note) it",
            "(are we|is the {event}) (over|under) budget (so far)?",
            "what's (left|remaining) in the budget for the {event}?",
            "how much (is|do we have) left[ in the budget]?",
            "how much (money|budget) (is|do we have) (left|remaining)?",
            "(add|log|record) (an expense of|a payment of|) {budget_bare} (for|on) (flowers|the band|catering|decor|the shuttle)",
            "(we|I) (spent|paid) {budget_bare} on (flowers|the photographer|printing), (add|log) it",
        ],
    },
    "analyze_roi": {
        "ru": [
            "(отбился|отбилась) ли {event}? (глянь|оцени)",
            "(сколько|скока) (проходок|билетов) (надо|нужно) (толкнуть|продать), (чтоб|чтобы) (отбиться|окупиться)?",
            "(маржа|прибыль) (по|с) {event_gen} (какая|сколько) (вышла|получилась)?",
            "(есть ли смысл) (вбухивать|тратить) {budget_bare} в {event_acc}, (окупится)?",
        ],
        "en": [
            "(will) the {event} (pay off|break even)?",
            "(what was) (the) (ROI|margin) (for) the {event}?",
            "(will it|would it|does it) (pay off|break even) if (a|the) ticket (is|costs) {budget_bare}?",
            "(do we|would we) break even (at|with) {budget_bare} (a|per) ticket?",
            "(is it|would it be) profitable (at|with) tickets (at|for) {budget_bare}?",
        ],
    },
    "optimize_pricing": {
        "ru": [
            "(за сколько|скока) (продавать|делать) (проходки|вход) (на|для) {event_acc}?",
            "(нужен ли|стоит ли делать) (ранний тариф|скидку за раннюю покупку)?",
            "(как|на какие) (пакеты|категории) (нарезать|разбить) билеты?",
            "(задрать|снизить) (цены|цену входа), (продажи стоят|всё раскупили)?",
        ],
        "en": [
            "(should we|do we) (do|offer) (early bird pricing|a student rate)?",
            "(bump|lower) the ticket price? (sales are slow|they sold out)",
            "what (ticket price|price) should we (set|charge)[ for the {event}]?",
            "(help me|let's) (pick|choose|set) the (best|right) ticket price",
        ],
    },
    "search_vendors": {
        "ru": [
            "(ищем|нужны|нужен) {vendor} {city}[ {guests}][ {date}]",
            "(кто|есть кто) (возит|занимается|может) {vendor} {city}, (без косяков|с отзывами)?",
            "(нужен|ищем) (толковый|проверенный) (звукач|декоратор|фотозона|кейтерер) (на|для) {event_acc}",
            "(подкинь|подбери) {vendor} (на|для) {event_acc}, (лучше|желательно) (с опытом|с портфолио)",
            "(порекомендуй|подскажи) {vendor} (под|для) {event_acc} {guests}",
        ],
        "en": [
            "(looking for|we need) {vendor} {city} {guests}",
            "(line up|get) {vendor} for the {event}[ {date}]",
        ],
    },
    "compare_vendors": {
        "ru": [
            "кто (из|из этих) (ведущих|кейтерингов|подрядчиков) (надёжнее|дешевле) (по опыту|по смете)?",
            "(сопоставь|сравни) (все|оба) (сметы|предложения) (от|по) (площадкам|ведущим)",
            "(что|кого) (брать|выбрать) из (этих) (вариантов)? (помоги)",
        ],
        "en": [
            "(stack up|rank) (these|the) (bids|offers) (on price|by value)",
        ],
    },
    "manage_contracts": {
        "ru": [
            "(подрядчик|артист) (скинул|прислал) (контракт), (глянь|проверь) (условия отмены|сроки оплаты)",
            "(подготовь|составь) (допник|доп. соглашение) (про|на) (перенос даты|новую сумму)",
            "(до какого|когда) (действует|истекает) (контракт) с (артистом|подрядчиком)?",
        ],
        "en": [
            "(forward) the (caterer|band) (agreement) for signing",
            "check the (cancellation) (terms) in the (caterer) agreement",
        ],
    },
    "create_proposal": {
        "ru": [
            "(сделай|набросай) (КП|коммерческое) (для|клиенту) (Яндекс|застройщику|фарме) (на|по) {event_acc} {guests}",
            "(заказчик|клиент) (хочет|просит) (оффер|КП) (по|на) {event_acc} (к вечеру|срочно)",
            "(обнови|перепиши) (предложение) (под|на) (сумму) {budget_bare}",
        ],
        "en": [
            "(draft|write up) a (quote) for the (customer's) {event} {guests}",
        ],
    },
    "draft_message": {
        "ru": [
            "(черкани|набросай) (участникам|всем) что (сбор|регистрация) (начнётся|будет) (с 9 утра|во дворе)",
            "(сделай|напиши) (сторис|анонс) (в вк|в канал) (про|о) {event_acc}",
            "(напиши|составь) (сообщение) (ведущему|кейтерингу), что (отменяем|подтверждаем)",
            "(напиши) текст (благодарности|напоминания) (после|для) {event_gen}",
            "(ответь|напиши ответ) (подрядчику|гостю) (помягче|коротко), что (ждём оплату|всё в силе)",
        ],
        "en": [
            "(draft) a (welcome|reminder) (note) to the (guests|attendees)",
            "(write back) to the (vendor) (briefly) that (it's confirmed)",
        ],
    },
    "analyze_conversion": {
        "ru": [
            "(какой процент) (зарегавшихся|записавшихся) (по факту|реально) (дошли|были) на {event_acc}?",
            "(чё|почему) (заявок|регистраций) (куча|полно), а (дошло|пришло) (мало|единицы)?",
            "(какая) (явка|конверсия) (вышла) (у) {event_gen}?",
        ],
        "en": [
            "what was the (show-up|attendance) rate (for) the {event}?",
        ],
    },
    "analytics_report": {
        "ru": [
            "(собери|подготовь) (итоги|сводку) по {event_gen} для (директора|клиента)",
            "(скинь|покажи) (цифры|метрики) по (ивентам|событиям) за (год|месяц)",
            "(экспортни|скинь) (отчёт) за (месяц|год) в (PDF|таблицу)",
        ],
        "en": [
            "(give me|send me) a (report|summary) of (the {event}) (for the board|last quarter)",
        ],
    },
    "monitor_social": {
        "ru": [
            "(чё|как) (говорят|отзываются) (о) {event_acc} в (инсте|сети)?",
            "(был ли|появился) (хейт|жалобы) (в комментах) после {event_gen}?",
            "(посмотри|проверь) (комменты|упоминания) (в телеге|в инсте) (о) {event_acc}",
        ],
        "en": [
            "what are people (posting) about the {event} (on Telegram)?",
        ],
    },
    "faq": {
        "ru": [
            "(как|где) (завести|пригласить) (пользователя|коллегу) в (проект)?",
            "(маэстро|ты) (может|можешь) (делать сметы|писать письма|искать подрядчиков)?",
            "(как) (выбрать|настроить) (язык|валюту) (в профиле)?",
            "(есть ли бесплатный тариф у|какие тарифы у) (сервиса|маэстро)?",
        ],
        "en": [
            "(lost) my password, (how can I) (log in)?",
            "(is it possible to) connect (Outlook|our CRM)?",
        ],
    },
    "smalltalk": {
        "ru": [
            "(прив|здрасте|хай|ку)[!]",
            "(пасиб|благодарю|мерси)(, ты лучший|!|)",
            "(ага|поняла|ясно|принято|лады)",
            "(ты бот или человек|а ты кто такой)?",
            "(добрый вечер|добрый день), (бот|друг)",
            "(на сегодня всё|всё), (до связи|хорошего вечера)",
            "(огонь|супер|топ), (благодарю|спасибо)",
            "(лол|ахах)(, смешно|)",
        ],
        "en": [
            "(cheers|thx) (mate)(!|)",
            "(hey there)(, Maestro|)",
            "(alright|cool)(, thanks|)",
            "(talk tomorrow|that's all for today)(, thanks|!|)",
        ],
    },
    "out_of_scope": {
        "ru": [
            "(какая будет|какая) погода {when_ru}?",
            "(что|как там) с погодой {when_ru}?",
            "(обещают|пойдёт) (снег|жара|гроза) {when_ru}?",
            "(сколько|какая) (градусов|температура) (сейчас|в полдень)?",
            "(как|где|когда) {tax_ru}?",
            "(объясни|подскажи) как {tax_ru}",
            "(накидай|сгенерируй) (скрипт|функцию|программу) на {lang_ru} (который|чтобы) {code_task_ru}",
            "(что делать если|как починить) {code_bug_ru}",
            "(дай рецепт|как сделать) {dish_ru}",
            "(сколько|как) (варить|запекать) {dish_ru}?",
            "(чем) (лечить|сбить) {illness_ru}?",
            "(что посмотреть|какой) {media_ru} (на выходные)?",
            "(как) (сыграли) {sport_ru}?",
            "(какой курс|куда вложить) {asset_ru2}?",
            "(как перевести) на (немецкий|французский)[:] {phrase_ru}",
            "(сколько стоит|как) {car_ru}?",
            "(придумай) (шутку|стишок|загадку) (про|о) (котов|тёщу|бухгалтеров)",
            "(помоги) (составить|улучшить) (сопроводительное письмо|диплом|реферат)",
            "(как) (освоить|подтянуть) (испанский|китайский|Excel|гитару)?",
            "(что|какой) (купить|подарить) (жене|мужу|ребёнку|коллеге) (на Новый год|на 8 марта|на годовщину)?",
            "(что делать, если) (не спится|болит спина|выгорание)?",
            "(сколько будет|чему равно) (корень из 144|15 процентов от 3000|интеграл от x)?",
            "(где|как) (снять|продать) (дачу|гараж|квартиру) (подешевле|быстро)?",
            "(зачем|отчего) (попугай|ребёнок) (не спит|грызёт мебель)?",
            "(кто|когда|где) {trivia_ru}?",
        ],
        "en": [
            "(how's) the weather (in Moscow|outside) (this weekend|today)?",
            "(is it going to) (snow) (tomorrow|this weekend)?",
            "(how do I|when do I) {tax_en}?",
            "(generate) a (JavaScript|SQL|Go) (script|query) (to) {code_task_en}",
            "(how do I fix it when) {code_bug_en}?",
            "(share|what's) a (good recipe) for {dish_en}",
            "(what was the score in) (the Super Bowl|last night's game)?",
            "(what helps) (get rid of) (a headache|insomnia)?",
            "(suggest) a (podcast|novel) for (the weekend)",
            "(what to) (get) (my boss|a friend) for (Christmas|our anniversary)?",
            "(how do you say) ('good luck'|'see you soon') (in) (Spanish)",
            "(how to) (jump-start a car|unclog a drain)?",
            "(who|when|where) {trivia_en}?",
        ],
    },
}

# Out-of-scope topic slots for CHAT_TRAIN: everyday needs an event platform should decline.
OOS_TOPICS_3: dict[str, list[str]] = {
    "when_ru": ["завтра", "на выходных", "сегодня вечером", "в Сочи на неделе", "в Питере",
                "послезавтра", "в Казани в субботу"],
    "tax_ru": ["подать декларацию на налоговый вычет", "платить налог с продажи квартиры",
               "посчитать НДФЛ с зарплаты", "вернуть налог за лечение", "платить налоги самозанятому",
               "закрыть ИП без долгов", "оплатить транспортный налог", "получить имущественный вычет",
               "узнать задолженность по налогам"],
    "tax_en": ["claim a tax refund", "pay self-employment tax", "fill in a W-2",
               "get a tax deduction for my mortgage", "pay VAT as a freelancer"],
    "lang_ru": ["питоне", "python", "Python", "JS", "джаве", "C++", "SQL", "го"],
    "code_task_ru": ["сортирует массив", "скачивает файлы с FTP", "бот отвечал в телеге",
                     "считает факториал", "читает csv", "отправляет письма по smtp",
                     "разворачивает строку"],
    "code_bug_ru": ["падает docker с ошибкой", "git не пушит", "питон пишет IndentationError",
                    "сломался npm", "не компилируется проект", "ноутбук не видит вайфай",
                    "телефон не заряжается", "тормозит винда"],
    "code_task_en": ["scrapes a website", "parses JSON", "sorts a dictionary", "sends an email",
                     "counts words in a file"],
    "code_bug_en": ["my Python script throws a KeyError", "git push is rejected",
                    "docker won't start", "npm install fails", "my laptop won't boot"],
    "dish_ru": ["плов", "оливье", "пасту карбонару", "шарлотку", "блины", "котлеты", "гречку",
                "рис", "яйца всмятку", "пельмени", "щи", "тирамису", "шашлык"],
    "dish_en": ["lasagna", "pancakes", "a steak", "an omelette", "rice", "chocolate chip cookies",
                "pasta", "eggs"],
    "illness_ru": ["кашель", "насморк", "температуру", "ангину", "аллергию", "изжогу"],
    "media_ru": ["фильм", "мультик", "книгу", "аниме", "подкаст", "комедию"],
    "sport_ru": ["Спартак вчера", "в хоккей вчера", "в финале ЛЧ", "наши на чемпионате",
                 "в матче Зенит ЦСКА"],
    "asset_ru2": ["евро", "биткоин", "юань", "золото", "акции Сбера", "вклад под 20 процентов"],
    "phrase_ru": ["доброе утро", "спасибо за помощь", "где находится вокзал",
                  "удачи на экзамене"],
    "car_ru": ["пройти техосмотр", "купить ОСАГО", "поменять масло", "снять машину с учёта",
               "оформить ДТП по европротоколу"],
    "trivia_ru": ["написал Мастера и Маргариту", "открыл Америку", "построили Эйфелеву башню",
                  "изобрёл радио", "находится Эверест", "родился Пушкин",
                  "была Куликовская битва", "столица Австралии"],
    "trivia_en": ["composed the Moonlight Sonata", "invented the telephone",
                  "is the capital of Canada", "was Napoleon born", "discovered penicillin",
                  "did the Titanic sink"],
}  # fmt: skip

# More ways to say the intents that have the fewest distinct phrasings: a template left out of
# training (grouped cross-validation) is recognised least often for these.
VARIETY_TRAIN: Templates = {
    "faq": {
        "ru": [
            "(как|где) (включить|настроить|отключить) (двухфакторку|двухфакторную аутентификацию|вход по коду)?",
            "(как|можно ли) (загрузить|импортировать) (список гостей|базу участников|контакты) из (Excel|экселя|csv|гугл-таблицы)?",
            "(как|где) (поменять|сменить) (почту|email|телефон|логин) (в аккаунте|в профиле)?",
            "(как|можно ли) (удалить|закрыть) (аккаунт|учётку|профиль)?",
            "(где|как) (найти|скачать|получить) (счёт|закрывающие|акт) (за подписку|за тариф|за сервис)?",
            "(есть ли|где скачать) (приложение|мобильное приложение|app) (для|на) (айфона|андроида|телефона)?",
            "(как|куда) (написать|обратиться) в (поддержку|техподдержку|саппорт)?",
            "(какие|с чем) (интеграции|интегрируется) (есть|у Маэстро|у сервиса)?",
            "(откуда|на чём) (ты берёшь|Маэстро берёт|берутся) (цены|данные о подрядчиках|рейтинги)?",
            "(как|можно ли) (подключить|привязать) (телеграм-бота|бота в телеге|почту) к (аккаунту|Маэстро)?",
            "(сколько|какой лимит) (мероприятий|пользователей|проектов) (можно|на тарифе|в бесплатной версии)?",
            "(где|как) (посмотреть|найти) (старые|прошлые|архивные) (мероприятия|проекты|сметы) в (системе|Маэстро)?",
            "(как|что) (работает|умеет) (поиск подрядчиков|агент по бюджету|модуль задач) в Маэстро?",
            "(на каком|какие) (языке|языки) (ты понимаешь|ты говоришь|поддерживаются)?",
            "(мои|наши) данные (кому-то передаются|в безопасности|хранятся в России)?",
            "(как|можно ли) (дать доступ|расшарить проект|поделиться планом) (клиенту|подрядчику) (только на чтение|без редактирования)?",
            "(что|какие) (команды|функции|возможности) (у тебя|у бота|у Маэстро) (есть)?",
            "(есть ли|где) (API|вебхуки|документация по API)?",
        ],
        "en": [
            "(how do I|where do I) (turn on|enable|set up) two-factor (authentication|login)?",
            "(can I|how do I) import (a guest list|attendees|contacts) from (Excel|a CSV|Google Sheets)?",
            "(how do I|where can I) change (my email|the account email|my login)?",
            "(how do I|can I) (delete|close) my account?",
            "(where can I|how do I) (download|get) (the invoice|a receipt) for (my subscription|the plan)?",
            "(is there|do you have) a (mobile app|phone app|iOS app)?",
            "(how do I|where can I) (contact|reach) support?",
            "(what|which) integrations (do you have|are available|does Maestro support)?",
            "where do (you|the vendor prices|the ratings) (get the data|come from)?",
            "(what languages|which languages) do you (speak|understand|support)?",
            "(is|how is) my data (safe|shared|encrypted)?",
            "(can I|how do I) share (a plan|the project) with (a client|a vendor) (read-only|without edit rights)?",
            "(is there|where is) (an API|the API docs|webhook support)?",
        ],
    },
    "smalltalk": {
        "ru": [
            "(ты тут|ты здесь|алло|ау|эй|есть кто)?",
            "(тест|проверка|проверка связи|раз-два)",
            "(что делаешь|чем занят|не устал|ты спишь)?",
            "(отлично|идеально|пойдёт|годится|сойдёт|то что надо)",
            "(ну ты|вот ты) (даёшь|красавчик|гений)",
            "(хорошего вечера|хороших выходных|удачного дня)[, (маэстро|бот)]",
            "(ой|упс), (не туда написал|ошибся чатом|промахнулся)",
            "(как настроение|как сам|как твои дела)?",
            "(мне грустно|я устал|тяжёлый день|ну и денёк)",
            "(с добрым утром|утро доброе|всем привет|всем здравствуйте)",
            "(понятно|ясненько|угу|ладушки|договорились)",
            "(ты меня понимаешь|ты меня слышишь)?",
        ],
        "en": [
            "(are you there|you there|hello?|anyone there)?",
            "(test|testing|just testing)",
            "(perfect|great stuff|that works|sounds good|fair enough)",
            "(have a good one|have a nice weekend|good night)[, (Maestro|bot)]",
            "(oops|sorry), (wrong chat|typo|ignore that)",
            "(how's it going|how are things|what's up with you)?",
            "(long day|I'm tired|rough week)",
            "(understood|noted|roger that|makes sense)",
        ],
    },
    "estimate_budget": {
        "ru": [
            "(какая|какова) цена вопроса (за|по|на) {event_acc} {guests}?",
            "(на какую сумму|на сколько) (рассчитывать|ориентироваться|закладываться) (для|по|на) {event_gen} {city}?",
            "(что|как) по деньгам (выйдет|будет|получится) {event} {guests}?",
            "(посчитай|рассчитай|прикинь) (стоимость|цену) (организации|проведения) {event_gen} {guests}",
            "(какие|сколько) (расходы|затраты) (будут|ждут|предстоят) на {event_acc} {city}?",
            "(реально ли|можно ли) (сделать|провести|уложить) {event_acc} {guests} (в|за) {budget_bare}?",
            "(сколько|какой) (бюджет нужен|денег потребуется) (на|под) {event_acc} {format}?",
            "(дай|сделай|нужна) (оценку|ориентировочную смету|примерный бюджет) (по|на) {event_acc}",
            # short commands with nothing else in them: an estimate, not the expense ledger
            "(сделай|составь|подготовь|нужна|накидай|посчитай) (смету|калькуляцию|расчёт бюджета)",
            "(смету|смета|калькуляция|бюджет) (нужна|нужен|плиз|плз|срочно)",
        ],
        "en": [
            "what's the damage for a {event} {guests} {city}?",
            "(price out|cost out) a {event} {guests}",
            "what kind of budget (are we looking at|do we need) for a {event} {city}?",
            "(make|prepare|draft|need) (an estimate|a cost estimate|a budget)",
            "(give me|I need) a (budget estimate|cost estimate|rough budget) for the {event} {guests}",
            "how much (money|cash) (will|would) a {event} {format} (take|need)?",
        ],
    },
    "track_expenses": {
        "ru": [
            "(оплатил|заплатил|перевёл|скинул) (аванс|предоплату|остаток|всю сумму) (подрядчику|площадке|кейтерингу|ведущему) {budget_bare}",
            "(зафиксируй|запиши|занеси) (трату|расход|оплату) {budget_bare} (по статье|в статью) (декор|логистика|питание|аренда)",
            "(сколько|какая сумма) (потрачено|израсходовано|оплачено) (на сегодня|на текущий момент|по факту)?",
            "(какой|сколько) (остаток|осталось) (по бюджету|в смете|свободных денег)?",
            "(подрядчик|площадка) (вернул|вернула) {budget_bare}, (учти|отрази|внеси) (возврат|в расходах)",
            "(сколько|на сколько) мы (перерасходовали|вышли за бюджет|превысили смету)?",
            "(сверь|сравни) (фактические расходы|траты|оплаты) с (планом|сметой|бюджетом)",
            "(какие|что за) (оплаты|платежи|счета) (висят|не проведены|ждут оплаты)?",
            "(спиши|проведи) {budget_bare} (на|за) {vendor} (по|для) {event_gen}",
        ],
        "en": [
            "(I|we) (paid|sent|transferred) (the deposit|the balance|the advance) to the (venue|caterer|DJ), {budget_bare}",
            "(log|record|enter) an expense of {budget_bare} under (catering|decor|transport|venue)",
            "how much (has been|have we) (spent|paid out) (to date|so far|this month)?",
            "(the vendor|the venue) refunded {budget_bare}, (log|record) the refund",
            "by how much (are we|did we go) over budget?",
            "(which|what) (invoices|payments) are (still unpaid|pending|outstanding)?",
        ],
    },
}

# «Как…», «где…», «можно ли…» about life outside the product: the same question words as
# `faq`, so out-of-scope needs as many of them as the product's own questions have.
VARIETY_TRAIN["out_of_scope"] = {
    "ru": [
        "(как|где|можно ли) {life_how_ru}?",
        "(подскажи|скажи|объясни), (как|где|можно ли) {life_how_ru}",
        "(что такое|что значит|объясни простыми словами) {concept_ru}?",
        "(сколько|какой|какая) {life_fact_ru}?",
        "(где|в каком магазине|на каком сайте) (купить|заказать|найти) {shop_ru}?",
        "(можешь|сможешь|умеешь) {skill_ru}?",
    ],
    "en": [
        "(how do I|where can I|can I) {life_how_en}?",
        "(what is|what does|explain) {concept_en}(| mean)?",
        "(where can I|where do I) (buy|order|find) {shop_en}?",
        "(can you|could you) {skill_en}?",
    ],
}
OOS_TOPICS_3 |= {
    "life_how_ru": ["записаться к врачу через госуслуги", "поменять паспорт в 45", "оформить шенген",
                    "вернуть товар на маркетплейсе", "перевести деньги без комиссии",
                    "восстановить аккаунт в инстаграме", "настроить роутер", "почистить ноутбук от вирусов",
                    "сдать на права", "прописаться в квартире", "оформить больничный",
                    "получить загранпаспорт быстро", "вывести пятно с рубашки", "пересадить фикус",
                    "избавиться от тараканов", "отправить посылку за границу", "поменять тариф на телефоне",
                    "подключить интернет на даче"],
    "concept_ru": ["инфляция", "блокчейн", "квантовый компьютер", "ипотечные каникулы",
                   "эффект Даннинга-Крюгера", "чёрная дыра", "ВВП", "нейросеть", "фотосинтез"],
    "life_fact_ru": ["лет живут кошки", "высота Останкинской башни", "самая длинная река в мире",
                     "население Китая", "размер МРОТ", "часовой пояс в Токио", "расстояние до Марса"],
    "shop_ru": ["дешёвые авиабилеты в Турцию", "корм для собаки", "зимние шины", "айфон подешевле",
                "подарок парню", "обои в спальню", "велосипед ребёнку"],
    "skill_ru": ["решить задачку по физике", "написать сочинение за сына", "нарисовать котика",
                 "спеть песню", "сыграть со мной в слова", "погадать на картах",
                 "посчитать мне калории за день"],
    "life_how_en": ["renew my passport", "get a Schengen visa", "return an order on Amazon",
                    "reset my router", "remove a wine stain", "get rid of ants",
                    "send a parcel abroad", "change my phone plan", "book a doctor's appointment"],
    "concept_en": ["inflation", "blockchain", "a black hole", "GDP", "photosynthesis",
                   "a neural network"],
    "shop_en": ["cheap flights to Turkey", "dog food", "winter tires", "a used iPhone",
                "a gift for my boyfriend"],
    "skill_en": ["solve my physics homework", "draw a cat", "sing me a song",
                 "play chess with me", "read my horoscope", "count my calories"],
}  # fmt: skip

# Everyday «как…?» how-tos: many verbs and objects, so an unseen one is not taken for a
# question about the product just because it starts with «как».
VARIETY_TRAIN["out_of_scope"]["ru"] += [
    "(как|как правильно|как быстро|как вкусно|как лучше) {chore_ru}?",
    "(подскажи|научи|расскажи), как {chore_ru}",
]
VARIETY_TRAIN["out_of_scope"]["en"] += [
    "(how do I|how to|what's the best way to|how can I) {chore_en}?",
]
OOS_TOPICS_3 |= {
    "chore_ru": ["испечь пирог", "сварить кофе в турке", "пожарить картошку", "заварить чай",
                 "замариновать мясо", "засолить огурцы", "приготовить суп", "сделать тесто",
                 "постирать пуховик", "погладить рубашку", "покрасить стену", "повесить полку",
                 "починить кран", "поклеить обои", "вырастить рассаду", "подстричь кота",
                 "научить ребёнка читать", "уложить ребёнка спать", "помыть окна",
                 "почистить серебро", "завязать галстук", "накачать пресс", "похудеть на 5 кг",
                 "заснуть без снотворного", "перестать прокрастинировать", "сделать маникюр",
                 "закрутить банки", "разморозить холодильник", "прошить телефон",
                 "сделать скриншот на ноуте"],
    "chore_en": ["bake bread", "brew coffee", "fry potatoes", "iron a shirt", "paint a wall",
                 "fix a bike chain", "grow basil", "tie a tie", "clean silver",
                 "stop procrastinating", "fall asleep faster", "take a screenshot on a Mac",
                 "make pizza dough"],
}  # fmt: skip
