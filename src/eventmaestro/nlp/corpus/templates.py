"""Hand-written templates per intent and language, split once into training and held-out.

Syntax: `(a|b|c)` picks one alternative, `[x]` is optional, `{slot}` takes a vocabulary entry
(vocab.py) whose entity becomes the gold label. Literal words never name an entity themselves,
so the gold labels are exactly the slots (tests/nlp/test_corpus.py checks this).
Held-out templates use phrasings the model never sees in training.
"""

from __future__ import annotations

Templates = dict[str, dict[str, list[str]]]

BRIEF_RU = "{event} {guests} {city} {date}, {budget}"

TRAIN: Templates = {
    "create_event_plan": {
        "ru": [
            "(Сделай|Составь|Подготовь|Набросай) план (для|на) {event_acc} {guests}",
            "(Нужно|Надо|Хотим|Планируем) (организовать|провести|устроить) {event_acc} {guests} {city} {date}",
            "{event} {guests} {city} {date}, {budget}",
            "{event} {city} {date} {guests}. (Сделай|Составь) план [и таймлайн]",
            "(помоги|помогите) (организовать|спланировать) {event_acc} {date}",
            "(организуй|спланируй) {event_acc} {city}",
            "планируем {event_acc} {guests} {format}, (с чего начать|что делать)?",
            "(хочу|хотим) {event_acc} {city}, {budget}, {guests}",
            "(распиши|составь) (таймлайн|план подготовки|чек-лист подготовки) (к|для) {event_gen} {date}",
            "[привет!] у нас {event} {date} {city}, (нужен|нужна) (план|дорожная карта)",
            "(а если|а давай) {guests}?",
            "а если (перенести|сдвинуть) на {date}?",
            "(а|ну а) {city}?",
            "(перенеси|сдвинь) (дату|мероприятие) на {date}",
            "(давай|сделай) (новый|другой) вариант плана {guests}",
            "запланируй {event_acc} {format} {date}",
            "(нужна|нужен) (концепция|сценарий) и план {event_gen} {guests}",
            "клиент хочет {event_acc} {city} {date}, {budget}. (собери|сделай) план мероприятия",
        ],
        "en": [
            "(Plan|Organise|Organize|Set up) a {event} {guests} {city} {date}",
            "(We need|I need|We want) to (plan|organise|run) a {event} {date} {guests}",
            "{event} {guests} {city} {date}, {budget}",
            "(help me|can you help) plan a {event} {city}",
            "(make|create|draw up) a plan for our {event} {date}",
            "(what if|how about) {guests}?",
            "(move|reschedule) (it|the event) to {date}",
            "(build|prepare) a timeline for the {event} {date} {format}",
            "our client wants a {event} {city}, {budget}. (put together|draft) the event plan",
        ],
    },
    "manage_tasks": {
        "ru": [
            "(добавь|создай|заведи) задачу (согласовать меню|отправить приглашения|забронировать отель|подписать акт)",
            "(покажи|выведи|дай) (список задач|все задачи|мои задачи|задачи на неделю)",
            "(какие|что за) задачи (просрочены|горят|не закрыты|на мне)",
            "(отметь|пометь) задачу (выполненной|как сделанную|закрытой)",
            "(назначь|поставь|перекинь) задачу на (Ивана|Марину|меня|Ольгу)",
            "(перенеси|сдвинь) дедлайн (задачи|по задаче) (на|к) {date}",
            "что (осталось|ещё нужно) сделать по {event_gen}?",
            "(покажи|где) критический путь",
            "(обнови|поменяй) статус задачи на (в работе|готово|блокер)",
            "(удали|убери) задачу про (рассылку|бейджи|пропуска)",
            "(какие|что за) (дела|задачи|туду) на (сегодня|эту неделю|завтра)",
            "кто (отвечает|ответственный) за (бейджи|регистрацию|пропуска)?",
            "(создай|сделай) (чек-лист|туду-лист|to-do) (по|для) {event_gen}",
        ],
        "en": [
            "(add|create) a task to (book the hotel|send the invitations|confirm the menu)",
            "(show|list) (my|all|open) tasks",
            "which tasks are (overdue|blocked|still open)?",
            "mark the (badges|registration|invitations) task as (done|completed)",
            "(assign|give) the (rehearsal|badges|tickets) task to (Anna|Peter|me)",
            "(move|push) the deadline of (this|that) task to {date}",
            "what's left to do for the {event}?",
            "show me the critical path",
            "(set|change) the task status to (in progress|done|blocked)",
        ],
    },
    "estimate_budget": {
        "ru": [
            "(сколько будет стоить|во сколько обойдётся|сколько стоит) {event} {guests}?",
            "(сделай|составь|посчитай|прикинь) смету (на|для) {event_acc} {guests} {city}",
            "(нужна|нужен) (смета|расчёт бюджета|бюджет) (на|для) {event_gen} {guests}",
            "(распредели|раскидай) {budget} по (статьям|категориям)",
            "(посчитай|оцени) бюджет {event_gen} {city} {date}",
            "(сколько|какой) (нужно денег|бюджет нужен) на {event_acc} {guests}?",
            "(хватит ли|уложимся ли в) {budget} на {event_acc} {guests}?",
            "(прикинь|оцени) (расходы|затраты) на {event_acc} {format}",
            "(сделай|дай) (раскладку|разбивку) бюджета (по статьям|с НДС)",
            "сколько (закладывать|заложить) на {vendor} {guests}?",
        ],
        "en": [
            "how much (will|would) a {event} {guests} cost?",
            "(estimate|calculate) the budget for a {event} {guests} {city}",
            "(give me|prepare) a cost estimate for the {event}",
            "(split|allocate) {budget} across (categories|line items)",
            "is {budget} enough for a {event} {guests}?",
            "how much should we set aside for {vendor} {guests}?",
        ],
    },
    "track_expenses": {
        "ru": [
            "(внеси|добавь|запиши) (расход|трату|оплату) {budget} (на|за) {vendor}",
            "(сколько|сколько уже) [мы ](потратили|израсходовали) (по|на) {event_acc}?",
            "(покажи|выведи) (план-факт|план и факт|фактические расходы)",
            "[мы ](вышли|выходим) за (бюджет|смету)?",
            "(оплатили|заплатили) {vendor} (аванс|предоплату)?, (отметь|внеси)",
            "(какой|сколько) (остаток бюджета|осталось денег|остаток по смете)?",
            "(обнови|внеси) фактические (расходы|затраты) по {event_gen}",
            "(пришёл|получили) счёт (от подрядчика|за аренду) (внеси|добавь) в расходы",
            "(покажи|где) график платежей",
            "сколько (ещё надо|осталось) (оплатить|заплатить) подрядчикам?",
        ],
        "en": [
            "(log|record|add) an expense of {budget} for {vendor}",
            "how much have we spent (so far|on the {event})?",
            "show [me ](plan vs actual|actual spending|the expense report)",
            "are we over budget?",
            "what's (the remaining budget|left in the budget)?",
            "(show|list) the payment schedule",
        ],
    },
    "analyze_roi": {
        "ru": [
            "(посчитай|рассчитай|оцени) (ROI|рентабельность|окупаемость) {event_gen}",
            "(окупится ли|когда окупится) {event}?",
            "(какая|какой) (точка безубыточности|ROI) (у|для) {event_gen}?",
            "(сколько|сколько мы) (заработали|получили прибыли) на {event_gen}?",
            "(выгодно ли|стоит ли) проводить {event_acc} {budget}?",
            "(сделай|нужен) (анализ|расчёт) (окупаемости|возврата инвестиций)",
            "(при какой|какая нужна) выручке (выйдем в ноль|окупимся)?",
            "(прогноз|спрогнозируй) (окупаемости|прибыли) {event_gen}",
        ],
        "en": [
            "(calculate|what is) the ROI (of|for) the {event}",
            "(will|when will) the {event} (pay off|break even)?",
            "(what's|find) the break-even point",
            "how much profit did we make on the {event}?",
            "(run|do) a (return on investment|payback) analysis",
        ],
    },
    "optimize_pricing": {
        "ru": [
            "(какую|какая) цену (билета|на билет) (поставить|лучше)?",
            "(оптимизируй|подбери|посоветуй) (цену|стоимость) билетов (на|для) {event_acc}",
            "(сколько|почём) (брать|продавать) (за билет|билеты)?",
            "(нужна|сделай) (ценовая стратегия|тарифная сетка|линейка тарифов) для билетов",
            "(стоит ли|может) (поднять|снизить) цену билета?",
            "(какие|сделать ли) (ранние|early bird) (скидки|цены)?",
            "(как|помоги) (назначить|выбрать) цены на (VIP|стандартные|студенческие) билеты",
            "(оптимальная|лучшая) цена (входа|участия) (на|для) {event_gen} {guests}",
        ],
        "en": [
            "what (ticket price|price per ticket) should we set?",
            "(optimise|optimize) ticket pricing for the {event}",
            "should we (raise|lower) the ticket price?",
            "(suggest|propose) (price tiers|an early bird discount)",
            "what's the optimal (entry|ticket) price for {guests}?",
        ],
    },
    "search_vendors": {
        "ru": [
            "(найди|подбери|ищу|поищи) {vendor} {city}",
            "(нужен|нужна|нужно|нужны) {vendor} (для|на) {event_gen} {guests}",
            "(посоветуй|порекомендуй) {vendor} {city} {budget}",
            "(где|кто) (найти|взять) {vendor} {city}?",
            "(подбери|найди) (подрядчиков|поставщиков) {city} {date}",
            "(ищем|нужно найти) {vendor} {city} (свободную|свободный|свободных) {date}",
            "(какие есть|покажи) {vendor} {city} {guests}?",
            "(кто|какие подрядчики) (делает|делают|могут сделать) {vendor} {city}?",
        ],
        "en": [
            "(find|look for|search for) {vendor} {city}",
            "(we need|I'm looking for) {vendor} for a {event} {guests}",
            "(recommend|suggest) {vendor} {city} {budget}",
            "(who can provide|where can I get) {vendor} {city} {date}?",
            "(show|list) available (suppliers|vendors) {city}",
        ],
    },
    "compare_vendors": {
        "ru": [
            "(сравни|сопоставь) (эти|три|два|наши) (предложения|КП|варианта|коммерческих предложения)",
            "(кто|какой подрядчик|кто из них) (лучше|выгоднее|надёжнее)?",
            "(сравни|сравнить) {vendor} (по цене|по рейтингу|по отзывам)",
            "(что|кого) (лучше выбрать|выбрать) (из этих|между ними)?",
            "(сделай|нужна) (сравнительную таблицу|таблицу сравнения) (подрядчиков|поставщиков)",
            "(чем|в чём) (отличаются|разница между) (предложениями|подрядчиками)?",
            "(первый|второй) (вариант|подрядчик) или (третий|второй)? (сравни|помоги выбрать)",
        ],
        "en": [
            "compare (these|the three|both) (offers|quotes|proposals)",
            "(which|what) (supplier|vendor) is (better|cheaper|more reliable)?",
            "compare {vendor} (by price|by rating)",
            "(help me choose|which should I pick) between (them|these vendors)",
            "(make|build) a comparison table of the (suppliers|vendors)",
        ],
    },
    "manage_contracts": {
        "ru": [
            "(подготовь|сделай|составь) договор с (подрядчиком|поставщиком|исполнителем)",
            "(какой|покажи) статус (договора|контракта)?",
            "(подпиши|отправь на подпись|согласуй) (договор|контракт)",
            "(где|найди) (договор|контракт) (с подрядчиком|по {event_gen})",
            "(какие|сколько) договоры (не подписаны|на согласовании|истекают)?",
            "(внеси|добавь) (допсоглашение|правки) в (договор|контракт)",
            "(заключи|оформи) (договор|контракт) (на|за) {vendor}",
            "(когда|до какого числа) (подписать договор|оплатить по договору)",
        ],
        "en": [
            "(prepare|draft) a contract with the (supplier|vendor|contractor)",
            "what's the status of the contract?",
            "(sign|send for signature) the (contract|agreement)",
            "which contracts are (unsigned|pending|expiring)?",
            "(add|attach) an amendment to the contract",
        ],
    },
    "create_proposal": {
        "ru": [
            "(подготовь|сделай|составь|напиши) (КП|коммерческое предложение|коммерческое) (для клиента|клиенту) (на|по) {event_acc}",
            "(нужно|нужна|надо) КП (на|для) {event_gen} {guests} {budget}",
            "(сформируй|собери) (предложение|КП|оффер) для (заказчика|клиента|Сбера|Газпрома)",
            "(оформи|сверстай) (коммерческое предложение|предложение) в (PDF|pdf|презентацию)",
            "(обнови|переделай) КП (с новыми цифрами|под новый бюджет|{guests})",
            "(напиши|сделай) (предложение|КП) по {event_gen} {city} {date}",
        ],
        "en": [
            "(prepare|write|draft) a (proposal|commercial offer) for the client (for|about) the {event}",
            "(create|make) a (sales proposal|pitch|offer) for (the customer|Acme)",
            "(update|redo) the proposal (with the new numbers|for {guests})",
            "(put together|send) a proposal for a {event} {city} {date}",
        ],
    },
    "draft_message": {
        "ru": [
            "(напиши|составь|набросай) (письмо|email|имейл) (гостям|участникам|клиенту|подрядчику)",
            "(сделай|подготовь) (рассылку|приглашение|напоминание) (для гостей|участникам|спикерам)",
            "(напиши|сочини) (пост|анонс|текст) (для телеграма|в соцсети|для сайта) про {event_acc}",
            "(составь|напиши) (приглашение|пригласительное) на {event_acc} {date}",
            "(отправь|разошли) (напоминание|письмо) (всем участникам|гостям) (за день|заранее)",
            "(нужен|напиши) (рекламный|маркетинговый|продающий) текст (про|для) {event_gen}",
            "(ответь|напиши ответ) (клиенту|подрядчику) (вежливо|что мы согласны|что переносим)",
            "(придумай|сделай) (слоган|заголовок|тему письма) для {event_gen}",
        ],
        "en": [
            "(write|draft|compose) an (email|e-mail|invitation) to the (guests|attendees|client)",
            "(send|prepare) a reminder to (all attendees|the speakers)",
            "(write|create) a (post|announcement|promo text) about the {event}",
            "(draft|write) a reply to the (client|supplier) saying we (agree|need to reschedule)",
            "(come up with|suggest) a (subject line|tagline|headline) for the {event}",
        ],
    },
    "analyze_conversion": {
        "ru": [
            "(покажи|какая) (воронка|воронку) (регистраций|продаж билетов|от регистрации до прихода)",
            "(какая|посчитай) (конверсия|конверсию) (регистраций|из регистрации в посещение|лендинга)",
            "(сколько|какой процент) (зарегистрировавшихся|записавшихся) (пришли|дошли|реально пришло)?",
            "(почему|из-за чего) (так мало|мало) (регистраций|людей пришло|дошло до оплаты)?",
            "(где|на каком этапе) [мы ](теряем|отваливаются) (людей|участников|пользователей)?",
            "(какая|покажи) (явка|доходимость) на {event_acc}?",
            "(сколько|какой) (no-show|неявок|процент неявки)?",
        ],
        "en": [
            "(show|what's) the (registration|sign-up) funnel",
            "what (is|was) the conversion rate from registration to attendance?",
            "how many registered people actually (came|showed up)?",
            "why (are|were) registrations so low?",
            "where do we lose (people|attendees) in the funnel?",
        ],
    },
    "analytics_report": {
        "ru": [
            "(сделай|сформируй|подготовь) (отчёт|отчет) по итогам {event_gen}",
            "(покажи|дай) (аналитику|статистику|дашборд) (по|за) (прошлому кварталу|году|мероприятиям)",
            "(подведи|подведём) итоги {event_gen}",
            "(нужен|собери) (кастомный|сводный|итоговый) отчёт (по|за) (месяц|квартал|год)",
            "(какие|покажи) (аномалии|отклонения|выбросы) (в данных|в метриках|по мероприятию)",
            "(какой|сделай) прогноз (посещаемости|метрик|на следующий квартал)",
            "(выгрузи|экспортируй) (отчёт|статистику|метрики) в (Excel|эксель|PDF|csv)",
            "(сравни|покажи) (показатели|метрики|KPI) (наших|прошлых) мероприятий",
        ],
        "en": [
            "(create|generate|prepare) a report on the {event}",
            "(show|give me) (analytics|stats|the dashboard) for (last quarter|this year|our events)",
            "(sum up|summarise) the results of the {event}",
            "(are there|show) any anomalies in the (metrics|data)?",
            "(export|download) the (report|metrics) (to Excel|as CSV|as PDF)",
            "(forecast|predict) (attendance|next quarter's numbers)",
        ],
    },
    "monitor_social": {
        "ru": [
            "(что|как) (пишут|говорят) (про нас|про {event_acc}|о нашем мероприятии) в (соцсетях|телеграме|вк)?",
            "(отследи|мониторь|начни мониторить) (упоминания|отзывы) (о|про) {event_acc}",
            "(какая|какой) (тональность|сентимент|настроение) (отзывов|упоминаний|комментариев)?",
            "(есть ли|были ли) (негатив|негативные отзывы|жалобы) (в сети|в соцсетях|в отзывах)?",
            "(какие|что) (темы|тренды|хештеги) (обсуждают|в тренде) (про {event_acc}|в соцсетях)?",
            "(настрой|поставь) (алерт|уведомление|оповещение) на (негатив|упоминания бренда)",
            "(сделай|покажи) отчёт по (соцсетям|упоминаниям|репутации)",
        ],
        "en": [
            "what are people saying about (us|the {event}) on social media?",
            "(track|monitor|start monitoring) mentions of the {event}",
            "what's the sentiment of the (comments|mentions|reviews)?",
            "(any|are there) negative (reviews|posts) (online|about us)?",
            "(set up|create) an alert for negative mentions",
            "(show|give me) the trending topics (about the {event}|on social)",
        ],
    },
    "faq": {
        "ru": [
            "(как|каким образом) (добавить|пригласить) (коллегу|пользователя|менеджера) в (систему|Маэстро|аккаунт)?",
            "(что|чем) ты (умеешь|можешь помочь)?",
            "(как|где) (поменять|сменить|сбросить) пароль?",
            "(как|можно ли) (экспортировать|выгрузить) (план|данные|смету)?",
            "(какие|с какими) (агенты|модели|нейросети) (есть|работают|ты используешь)?",
            "(ответь|подготовь ответы) на (частые вопросы|FAQ) (гостей|участников)",
            "(где|как) (посмотреть|найти) (историю|мои мероприятия|архив)?",
            "(как|можно ли) (подключить|интегрировать) (CRM|Битрикс|амоCRM|календарь)?",
            "(как работает|что такое) (Маэстро|эта платформа|этот сервис)?",
            "(как|где) (создать|получить) (API-ключ|ключ API|токен)?",
        ],
        "en": [
            "how do I (invite|add) a (colleague|user|manager)?",
            "what can you do?",
            "how (do I|can I) (reset|change) my password?",
            "(can I|how do I) export (the plan|my data) to (PDF|Excel)?",
            "(where|how) can I (see|find) (my past events|the archive)?",
            "how do I get an API key?",
            "(prepare|write) answers to (frequently asked questions|FAQs) for attendees",
        ],
    },
    "smalltalk": {
        "ru": [
            "(привет|здравствуй|здравствуйте|добрый день|доброе утро|хай|прив)",
            "(спасибо|благодарю|спс|пасиб)[, (ты лучший|очень помог|круто)]",
            "(как дела|как ты|как жизнь|как сам)?",
            "(кто ты|ты кто|ты бот|ты человек)?",
            "(ок|окей|понял|ясно|хорошо|отлично|супер)",
            "(пока|до свидания|до завтра|всего доброго)",
            "(ха-ха|лол|смешно|ахах)",
            "(ты молодец|круто|ты супер|класс)",
            "(доброй ночи|хорошего дня|удачи)",
        ],
        "en": [
            "(hi|hello|hey|good morning|hey there)",
            "(thanks|thank you|cheers|thx)[, (that helps|great job)]",
            "(how are you|how's it going|what's up)?",
            "(who are you|are you a bot|are you human)?",
            "(ok|okay|got it|great|cool|nice)",
            "(bye|see you|good night|have a nice day)",
        ],
    },
    "out_of_scope": {
        "ru": [
            "(какая|какая будет) погода (завтра|на выходных|сегодня)?",
            "(расскажи|напиши) (анекдот|шутку|стих про осень)",
            "(какой|сколько) курс (доллара|евро|биткоина)?",
            "(дай|подскажи) рецепт (борща|пиццы|плова|блинов)",
            "(кто|кто же) (выиграл|победил) (в матче|в чемпионате|вчера)?",
            "(напиши|помоги написать) код на (питоне|Python|JavaScript)",
            "(реши|помоги решить) (задачу по математике|уравнение|домашку)",
            "(переведи|как перевести) (это|текст|фразу) на (английский|немецкий|китайский)",
            "(посоветуй|что посмотреть) (фильм|сериал|книгу) на вечер",
            "(как|где) (похудеть|накачаться|бросить курить)?",
            "(сколько|какая) (высота Эвереста|глубина океана|площадь Африки)?",
            "(закажи|купи) (такси|пиццу|билеты в кино) (домой|на вечер)",
            "(почему|отчего) небо (голубое|синее)?",
            "(какие|что за) новости (в мире|сегодня|в политике)?",
            "(вылечи|что делать если) болит (голова|зуб|спина)",
            "(сыграем|давай сыграем) в (шахматы|города|слова)",
            "(как|где) (оформить|получить) (ипотеку|кредит|загранпаспорт)?",
            "(взломай|найди пароль от) (соседский|чужой) (вайфай|аккаунт)",
        ],
        "en": [
            "what's the weather (tomorrow|like today|this weekend)?",
            "(tell me|give me) a joke",
            "what's the (bitcoin|dollar|euro) exchange rate?",
            "(give me|share) a recipe for (pancakes|lasagna|borscht)",
            "who won the (game|match|election) (yesterday|last night)?",
            "(write|help me write) (a Python script|some JavaScript code)",
            "(solve|help with) (this equation|my math homework)",
            "(recommend|suggest) a (movie|series|book) for tonight",
            "how do I (lose weight|quit smoking|fix my car)?",
            "(order|book) a (taxi|pizza|cinema ticket)",
            "why is the sky blue?",
            "(what's the news|any news) (today|in politics)?",
        ],
    },
}

HELDOUT: Templates = {
    "create_event_plan": {
        "ru": [
            "(у нас на носу|скоро) {event}, {guests}, {city}. (С чего стартуем|Что делаем первым делом)?",
            "(хочется|мечтаем) (провести|сделать) {event_acc} {date}, (подскажи|накидай) (шаги|этапы подготовки)",
            "(заказчик|клиентка) (заказала|хочет) {event_acc} {city} {guests}, (распланируй|разрули) (всё|подготовку)",
            "(окей|ладно), (а|ну) если {date}?",
        ],
        "en": [
            "(we've got|there's) a {event} coming up {city} {date} — (map out|sequence) (what needs to happen|the milestones)",
            "(could you|please) (organise everything|take care of planning) for our {event} {guests}",
        ],
    },
    "manage_tasks": {
        "ru": [
            "(что|чё) там с (моими|нашими) (задачками|тасками|делами)?",
            "(поручи|повесь) (Оле|Денису) (обзвон гостей|печать бейджей)",
            "(вычеркни|сними) (из списка|из задач) (закупку воды|звонок в отель), (сделано|уже не нужно)",
        ],
        "en": [
            "(remind me|tell me) what (I still have to do|is assigned to me)",
            "(put|drop) (calling the hotel|printing badges) on (Dan's|Olga's) list",
        ],
    },
    "estimate_budget": {
        "ru": [
            "(в копеечку|дорого) (встанет|выйдет) {event} {guests}? (дай|назови) (цифры|порядок цен)",
            "(какой|сколько) (бюджет|денег) (закладывать|просить у руководства) (на|под) {event_acc} {city}?",
            "(разложи|раскидай) (по статьям|на категории) (наш|весь) бюджет {budget}",
        ],
        "en": [
            "(give me|I need) a (figure|number) for what a {event} {guests} (would cost|runs)",
            "how much budget should I request for the {event} {city}?",
        ],
    },
    "track_expenses": {
        "ru": [
            "(зафиксируй|отрази) (платёж|оплату) {budget} (подрядчику|арендодателю|за аренду)",
            "(сколько|какая сумма) [денег ](улетело|ушло) (за этот месяц|на подготовку)?",
            "[мы ](влезаем|укладываемся) в (бюджет|смету) или [уже ](нет|перебор)?",
        ],
        "en": [
            "(note|record) a payment of {budget} to {vendor}",
            "(did we|have we) (blow|blown|exceed) the budget (yet|already)?",
        ],
    },
    "analyze_roi": {
        "ru": [
            "(был ли смысл|имело ли смысл) (вкладываться|тратиться) в {event_acc}? (посчитай|оцени) отдачу",
            "(какая|сколько) (отдача|прибыль на рубль вложений) (от|у) {event_gen}?",
        ],
        "en": [
            "(was|is) the {event} worth the money? (crunch|run) the (return|numbers on return)",
            "(at what point|when) do we (get our money back|recover the costs)?",
        ],
    },
    "optimize_pricing": {
        "ru": [
            "(сколько|какую сумму) (просить|брать) с (гостей|участников) за (вход|участие)?",
            "(нужна ли|делать ли) (дифференцированная|разная) цена (на билеты|для студентов)?",
        ],
        "en": [
            "(what|how much) should (attendees|guests) pay (to get in|for a pass)?",
            "(should we|is it smart to) (tier|discount) the (passes|tickets)?",
        ],
    },
    "search_vendors": {
        "ru": [
            "(а кто|кто вообще) (занимается|возит|обслуживает) {vendor} {city}?",
            "(подыщи|разыщи) {vendor} {city} (к|на) {date}",
            "(мне бы|хорошо бы) {vendor} {city}, (есть на примете|кого посоветуешь)?",
        ],
        "en": [
            "(scout|dig up) {vendor} {city} (that can handle|for) {guests}",
            "(know|do you know) anyone (for|doing) {vendor} {city}?",
        ],
    },
    "compare_vendors": {
        "ru": [
            "(взвесь|оцени) (все|присланные) (КП|предложения): (кто|что) (оптимальнее|интереснее)?",
            "(кто|кто из подрядчиков) (круче|сильнее) (по цене и отзывам|по условиям)?",
        ],
        "en": [
            "(weigh|evaluate) the (bids|quotes) against each other",
            "(of the|between the) (two|three) (suppliers|vendors), who (comes out ahead|is the better deal)?",
        ],
    },
    "manage_contracts": {
        "ru": [
            "(согласуй|проверь) (условия|пункты) (договора|контракта) (о штрафах|об оплате)",
            "(когда|во сколько) (истекает|заканчивается) (договор|контракт) (с арендодателем|с подрядчиком)?",
        ],
        "en": [
            "(check|review) the (penalty|payment) clauses in the (contract|agreement)",
            "when does the (agreement|contract) with the (supplier|vendor) expire?",
        ],
    },
    "create_proposal": {
        "ru": [
            "(отправим|надо отправить) (клиенту|заказчику) (предложение|КП), (собери|оформи) (его|красиво)",
            "(КП|коммерческое) (под|на) {event_acc}: (три|два) (пакета|варианта) (с ценами|и смета)",
        ],
        "en": [
            "(package|write up) our offer to (the client|the customer) for the {event}",
            "(client|customer) (asked|is asking) for a (formal proposal|quote document)",
        ],
    },
    "draft_message": {
        "ru": [
            "(нужно|надо) (обратиться|написать) к (гостям|участникам): (сообщи|напиши) что (всё в силе|дата поменялась)",
            "(сформулируй|составь) (вежливый отказ|ответ) (подрядчику|клиенту)",
            "(нужна|сделай) (подводка|текст) для (поста|рассылки) (про|о) {event_acc}",
        ],
        "en": [
            "(let|tell) the (guests|attendees) know by (email|message) that (it's still on|the date changed)",
            "(compose|word) a (polite decline|response) to the (vendor|client)",
        ],
    },
    "analyze_conversion": {
        "ru": [
            "(какая|сколько) (часть|доля) (записавшихся|оплативших) (в итоге|реально) (пришла|была)?",
            "(где|на каком этапе) (сливаются|сливается) (заявки|аудитория)?",
        ],
        "en": [
            "(what fraction|how many) of (the people who registered|ticket holders) actually came?",
            "(at which stage|where) (do we leak|are we losing) registrants?",
        ],
    },
    "analytics_report": {
        "ru": [
            "(нужна|сделай) (выжимка|сводная таблица) (по|за) (прошлый квартал|год|все события)",
            "(как|что по цифрам) (прошёл|прошла|прошло) {event}? (дай|нужен) отчёт",
        ],
        "en": [
            "(I need|make) a (summary|rollup) of (last quarter|the year|all events)",
            "(how did|how'd) the {event} (go|do) in numbers? (report|recap) please",
        ],
    },
    "monitor_social": {
        "ru": [
            "(обсуждают|вспоминают) ли (нас|{event_acc}) (в телеграм-каналах|в соцсетях)? (глянь|посмотри)",
            "(понравилось ли|как отреагировали) (людям|гостям)? (посмотри|проверь) (отзывы|комментарии) в сети",
        ],
        "en": [
            "(is|are) (anyone|people) (talking|posting) about (us|the {event}) on (Telegram|Instagram)?",
            "(check|scan) the (comments|reviews) on the web for how people (reacted|felt)",
        ],
    },
    "faq": {
        "ru": [
            "(подскажи|скажи), (как|где) (выставить|задать) (роли|права доступа) (для|коллегам)?",
            "(работает ли|можно ли пользоваться) (Маэстро|сервис) (с телефона|без интернета)?",
            "(что|какие) (ты|Маэстро) [вообще ](умеет|можешь|умеешь) (делать|делает)?",
        ],
        "en": [
            "(how|where) do I (grant|set) (access rights|roles) for (a teammate|colleagues)?",
            "(does|can) Maestro (work|run) (without internet|on mobile)?",
        ],
    },
    "smalltalk": {
        "ru": [
            "(доброго утречка|вечер в хату|здравия желаю|приветствую тебя)",
            "(ты лучший помощник|ну ты даёшь|вот это скорость), (спасибо|благодарю)",
            "(как твой день|как оно|что скажешь)?",
        ],
        "en": [
            "(good evening|greetings|hello there), (Maestro|friend)",
            "(much appreciated|you're a star|legend)",
        ],
    },
    "out_of_scope": {
        "ru": [
            "(кто|как зовут) (президента Франции|автора Гарри Поттера)?",
            "(сколько калорий|какие витамины) в (банане|яблоке|гречке)?",
            "(как|где) (снять квартиру|продать машину) (быстро|подороже)?",
            "(что значит|переведи) (слово|фразу) (серендипити|карпе дием)?",
            "(почему|отчего) (кот|собака) (чихает|не ест)?",
            "(где|как) (найти|выбрать) (стоматолога|репетитора|юриста) (рядом|подешевле)?",
            "(включи|поставь) (музыку|песню|радио)",
        ],
        "en": [
            "who (wrote|painted) (War and Peace|the Mona Lisa)?",
            "how many calories (are in|does) (a banana|an apple) (have)?",
            "(translate|what does) (carpe diem|serendipity) mean?",
            "(find|recommend) a (dentist|tutor|plumber) (near me|nearby)",
            "(play|put on) (some music|a song)",
        ],
    },
}
