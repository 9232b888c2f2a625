"""Wording for the synthetic reports of `reportgen`, in English and Russian.

Every pool is a list the generator draws from with its seeded random source, so two
seeds give two reports that differ in wording, counts and order, not only in numbers.
Item openings are built from distinct (verb, object) pairs or drawn without
replacement, so no two items of one report begin with the same words.
"""

ORGS = [  # (code, English name, Russian name)
    ("ilo", "ILO", "МОТ"), ("fao", "FAO", "ФАО"), ("wfp", "WFP", "ВПП"),
    ("unhcr", "UNHCR", "УВКБ ООН"), ("unep", "UNEP", "ЮНЕП"), ("giz", "GIZ", "GIZ"),
]
COUNTRIES = [  # (slug, English, Russian)
    ("kyrgyzstan", "Kyrgyzstan", "Кыргызстан"), ("tajikistan", "Tajikistan", "Таджикистан"),
    ("armenia", "Armenia", "Армения"), ("moldova", "Moldova", "Молдова"),
    ("uzbekistan", "Uzbekistan", "Узбекистан"), ("georgia", "Georgia", "Грузия"),
    ("nepal", "Nepal", "Непал"), ("ghana", "Ghana", "Гана"),
]
TOPICS = [  # (slug, English, Russian)
    ("youth-employment", "youth employment", "занятости молодёжи"),
    ("school-feeding", "school feeding", "школьного питания"),
    ("resilient-agriculture", "climate-resilient agriculture",
     "климатически устойчивого сельского хозяйства"),
    ("refugee-protection", "refugee protection", "защиты беженцев"),
    ("labour-migration", "labour migration governance", "управления трудовой миграцией"),
    ("waste-management", "municipal waste management", "управления муниципальными отходами"),
]

WORDS = {
    "en": {
        "title": "{kind} evaluation of the {topic} programme in {country}",
        "kinds": {"final": "Final", "interim": "Mid-term", "ex-post": "Ex-post"},
        "report": "Evaluation report", "prepared": "Prepared for {org} by an independent evaluation team",
        "contents": "Contents", "summary": "Executive summary", "intro": "Introduction",
        "findings": "Findings", "conclusions": "Conclusions", "recs": "Recommendations",
        "lessons": "Lessons learned", "gps": "Good practices",
        "recs_lessons": "Lessons learned and recommendations",
        "concl_recs": "Conclusions and recommendations", "annex": "Annex",
        "guide": "Interview guide", "matrix": "Evaluation matrix", "response": "Management response",
        "summary_recs": "Main recommendations", "key_findings": "Key findings",
        "criteria": ["Relevance", "Effectiveness", "Efficiency", "Sustainability"],
        "page": ["Page {n}", "- {n} -", "{n}", "{n} | {org}"],
        "labels": {
            "recommendation-n": ("Recommendation {n}:", "Lesson {n}:", "Good practice {n}:"),
            "alternating": ("Recommendation {n}:", "Lesson learned {n}:", "Good practice {n}:"),
            "concl-recs": ("Recommendation {n}:", "Lesson {n}:", "Good practice {n}:"),
            "r-code": ("R{n}.", "L{n}.", "GP{n}."),
        },
        "conclusion": "Conclusion {n}:",
        "letters": "abcdefghijklmn",
        "addressees": ["To the Government:", "To the Ministry of Labour:", "To {org}:", "To the donors:"],
        "actors": ["The project team", "{org}", "The Ministry of Labour", "Implementing partners",
                   "The steering committee", "Local authorities"],
        "should": ["{actor} should {verb} {obj}", "It is recommended that {actor_l} {verb} {obj}",
                   "{Verb} {obj}", "{actor} should, as a priority, {verb} {obj}"],
        "verbs": ["strengthen", "develop", "review", "expand", "simplify", "formalise",
                  "institutionalise", "harmonise", "update", "finance", "pilot", "document"],
        "objects": [
            "the monitoring and evaluation system of the programme",
            "a joint work plan with the line ministries",
            "the referral mechanism for vulnerable households", "the training curriculum for local trainers",
            "the data collection tools used by partners",
            "a sustainability and exit strategy for each component",
            "the coordination platform of donors and agencies", "the grievance and feedback mechanism",
            "the selection criteria for beneficiaries of cash grants", "the budget for follow-up visits",
            "the gender analysis of project activities", "the capacity of municipal social services",
            "a knowledge management plan for the next phase", "the procurement procedures for field offices",
            "the partnership with employers' organisations", "the risk register of the project",
            "the baseline survey and its indicators", "communication with local communities",
            "the reporting calendar agreed with the donor", "the use of digital tools in case management",
        ],
        "purposes": [
            ", so that results can be sustained after the project ends",
            ", so that assistance reaches the most vulnerable groups first",
            ", so that decisions are taken on the basis of evidence",
            ", in order to reduce the reporting burden on field staff",
            ", in order to secure the participation of women and young people",
            " before the next phase of the programme is designed", "",
        ],
        "details": [
            "This should be done in close consultation with the national counterparts.",
            "Priority should be given to the districts where coverage is lowest.",
            "The necessary resources should be included in the next annual work plan.",
            "Progress should be reviewed at each meeting of the steering committee.",
            "Lessons from the pilot regions should inform the national roll-out.",
            "Responsibilities for each step should be assigned to named units.",
        ],
        "subs": [
            "clear roles and responsibilities for each partner involved in delivery;",
            "a realistic timeline with milestones agreed by all the stakeholders;",
            "a small set of outcome indicators that partners can actually collect;",
            "regular feedback sessions with the communities that take part;",
            "dedicated funding for training and for the replacement of equipment;",
            "a written agreement on how data are shared and protected.",
        ],
        "lesson_pool": [
            "Early involvement of local authorities in planning made later implementation faster and "
             "cheaper.",
            "Short project cycles leave too little time for new practices to take root in institutions.",
            "Where partners shared one database, duplicated assistance to the same families fell markedly.",
            "Training alone rarely changes practice unless it is followed by coaching on the job.",
            "Community volunteers bridge the gap to hard-to-reach households when they are properly "
             "supported.",
            "Flexible budget lines allowed the team to respond quickly when the needs on the ground changed.",
            "Baselines collected after activities had started made it hard to demonstrate any results.",
            "Joint field visits with ministry staff built more ownership than formal meetings ever did.",
            "Participation of women rose wherever sessions were scheduled around their household duties.",
            "Small grants work best when they are combined with mentoring and links to buyers.",
        ],
        "gp_pool": [
            "Mobile teams visiting remote villages on a fixed monthly schedule reached families that "
             "offices never saw.",
            "A one-page monthly dashboard shared with the ministry kept decision makers informed "
             "without extra meetings.",
            "Peer mentors recruited among former participants gave newcomers practical and trusted advice.",
            "Joint procurement with a sister agency cut the unit cost of the kits by almost a quarter.",
            "Local radio programmes in the minority languages explained the eligibility rules to the "
             "whole community.",
            "A shared referral card allowed health, education and social workers to follow the same case.",
            "Quarterly reflection workshops with partners turned monitoring data into concrete "
             "changes of plan.",
            "Co-financing agreements with municipalities secured the running costs of the centres "
             "after handover.",
        ],
        "follow": [
            "The practice is simple to replicate and cost little.",
            "Partners intend to keep it in the next phase.",
            "It deserves to be documented and shared with other country offices.",
            "This applies equally to similar programmes in the region.",
        ],
        "filler": [
            "The programme was implemented in {n} districts between {y0} and {y1}.",
            "Interviews were held with {n} stakeholders, including government officials and beneficiaries.",
            "Partners reported that the lessons of the first phase had been taken into account only in part.",
            "Several interviewees recommended that the project should pay more attention to rural areas.",
            "The evaluation team noted that earlier reviews had recommended a simpler reporting format.",
            "Targets for the number of people trained were exceeded, while employment targets were not met.",
            "The budget was spent at a slower pace than planned during the first year.",
            "Government counterparts expressed a strong interest in continuing the activities.",
            "Coordination with other agencies improved after a joint working group was set up.",
            "Data on outcomes were collected irregularly and were not disaggregated by sex.",
        ],
        "intro_recs": "The evaluation makes the following recommendations.",
        "intro_lessons": "The following lessons can be drawn from the experience of the programme.",
        "intro_gps": "The evaluation identified the following good practices.",
        "findings_list": [
            "The programme was highly relevant to national priorities and to the needs of the target groups.",
            "Most outputs were delivered, although several were delayed by procurement problems.",
            "Efficiency was affected by high staff turnover and by a late start of activities.",
            "The sustainability of results depends on continued funding from the national budget.",
        ],
        "questions": [
            "What was your role in the programme and since when have you been involved?",
            "How relevant were the activities to the needs of your institution?",
            "Which results do you consider the most important, and why?",
            "What obstacles did you face during implementation?",
            "What would you recommend for a future phase of the programme?",
            "What lessons would you share with colleagues starting a similar project?",
        ],
        "matrix_head": ["Criterion", "Evaluation question", "Indicators", "Sources"],
        "matrix_rows": [
            ["Relevance", "To what extent did the programme respond to national priorities?",
             "Alignment with strategies", "Documents, interviews"],
            ["Effectiveness", "Were the expected outcomes achieved?", "Outcome indicators",
             "Monitoring data"],
            ["Efficiency", "Were resources used economically?", "Cost per beneficiary", "Financial reports"],
            ["Sustainability", "Will the benefits last after the programme ends?", "Budget commitments",
             "Interviews"],
        ],
        "response_head": ["Recommendation", "Management response", "Key actions", "Timeline"],
        "responses": ["Accepted", "Partially accepted", "Accepted"],
        "actions": ["A working group will prepare a plan.", "To be discussed with the donor.",
                    "Included in the next work plan."],
    },
    "ru": {
        "title": "{kind} оценка программы {topic} ({country})",
        "kinds": {"final": "Итоговая", "interim": "Среднесрочная", "ex-post": "Ретроспективная"},
        "report": "Отчёт об оценке", "prepared": "Подготовлен для {org} независимой группой оценки",
        "contents": "Содержание", "summary": "Резюме", "intro": "Введение", "findings": "Выводы оценки",
        "conclusions": "Заключения", "recs": "Рекомендации", "lessons": "Извлечённые уроки",
        "gps": "Передовой опыт", "recs_lessons": "Уроки и рекомендации",
        "concl_recs": "Заключения и рекомендации", "annex": "Приложение",
        "guide": "Руководство для интервью", "matrix": "Матрица оценки", "response": "Ответ руководства",
        "summary_recs": "Основные рекомендации", "key_findings": "Основные выводы",
        "criteria": ["Актуальность", "Результативность", "Эффективность", "Устойчивость"],
        "page": ["Стр. {n}", "- {n} -", "{n}", "{n} | {org}"],
        "labels": {
            "recommendation-n": ("Рекомендация {n}:", "Урок {n}:", "Передовая практика {n}:"),
            "alternating": ("Рекомендация {n}:", "Извлечённый урок {n}:", "Передовая практика {n}:"),
            "concl-recs": ("Рекомендация {n}:", "Урок {n}:", "Передовая практика {n}:"),
            "r-code": ("Р{n}.", "У{n}.", "П{n}."),
        },
        "conclusion": "Заключение {n}:",
        "letters": "абвгдежзиклмн",
        "addressees": ["Правительству:", "Министерству труда:", "{org}:", "Донорам:"],
        "actors": ["Группе проекта", "{org}", "Министерству труда", "Партнёрам по реализации",
                   "Руководящему комитету", "Местным органам власти"],
        "should": ["{actor} следует {verb} {obj}", "{actor} рекомендуется {verb} {obj}",
                   "Рекомендуется {verb} {obj}", "Необходимо {verb} {obj}"],
        "verbs": ["укрепить", "разработать", "пересмотреть", "расширить", "упростить", "закрепить",
                  "институционализировать", "согласовать", "обновить", "профинансировать", "опробовать",
                  "задокументировать"],
        "objects": [
            "систему мониторинга и оценки программы", "совместный план работы с отраслевыми министерствами",
            "механизм перенаправления уязвимых домохозяйств", "учебную программу для местных тренеров",
            "инструменты сбора данных, которыми пользуются партнёры",
            "стратегию устойчивости и выхода для каждого компонента",
            "платформу координации доноров и агентств", "механизм рассмотрения жалоб и обратной связи",
            "критерии отбора получателей денежных грантов", "бюджет на последующие выезды",
            "гендерный анализ мероприятий проекта", "потенциал муниципальных социальных служб",
            "план управления знаниями на следующий этап", "процедуры закупок для полевых офисов",
            "партнёрство с организациями работодателей", "реестр рисков проекта",
            "базовое исследование и его индикаторы", "взаимодействие с местными сообществами",
            "график отчётности, согласованный с донором",
            "использование цифровых инструментов в ведении случаев",
        ],
        "purposes": [
            ", чтобы результаты сохранились после завершения проекта",
            ", чтобы помощь в первую очередь доходила до наиболее уязвимых групп",
            ", с тем чтобы решения принимались на основе данных",
            ", чтобы снизить нагрузку по отчётности на персонал на местах",
            ", чтобы обеспечить участие женщин и молодёжи",
            " до начала разработки следующего этапа программы", "",
        ],
        "details": [
            "Это следует делать в тесной консультации с национальными партнёрами.",
            "Приоритет следует отдать районам с самым низким охватом.",
            "Необходимые ресурсы нужно предусмотреть в следующем годовом плане работы.",
            "Ход выполнения следует рассматривать на каждом заседании руководящего комитета.",
            "Опыт пилотных регионов должен учитываться при распространении на всю страну.",
            "Ответственность за каждый шаг следует закрепить за конкретными подразделениями.",
        ],
        "subs": [
            "чёткое распределение ролей и обязанностей между всеми партнёрами по реализации;",
            "реалистичный график с контрольными точками, согласованный со всеми сторонами;",
            "небольшой набор индикаторов результатов, которые партнёры реально могут собирать;",
            "регулярные встречи для обратной связи с участвующими сообществами;",
            "отдельное финансирование обучения и замены изношенного оборудования;",
            "письменное соглашение о порядке обмена данными и их защите.",
        ],
        "lesson_pool": [
            "Раннее вовлечение местных органов власти в планирование ускорило и удешевило дальнейшую "
             "реализацию.",
            "Короткие циклы проектов оставляют слишком мало времени, чтобы новые практики прижились "
             "в учреждениях.",
            "Там, где партнёры вели общую базу данных, дублирование помощи одним и тем же семьям "
             "заметно сократилось.",
            "Одно лишь обучение редко меняет практику, если за ним не следует наставничество на "
             "рабочем месте.",
            "Общественные волонтёры помогают достучаться до труднодоступных домохозяйств, если их "
             "должным образом поддерживают.",
            "Гибкие статьи бюджета позволили группе быстро реагировать на изменение потребностей на местах.",
            "Базовые данные, собранные уже после начала мероприятий, не позволили показать "
             "достигнутые результаты.",
            "Совместные выезды с сотрудниками министерства сформировали больше ответственности, чем "
             "официальные встречи.",
            "Участие женщин росло везде, где занятия планировались с учётом их домашних обязанностей.",
            "Малые гранты лучше всего работают в сочетании с наставничеством и связями с покупателями.",
        ],
        "gp_pool": [
            "Мобильные бригады, выезжавшие в отдалённые сёла по твёрдому ежемесячному графику, "
             "охватили семьи, до которых не доходили офисы.",
            "Ежемесячная сводка на одной странице, которую получало министерство, держала "
             "руководителей в курсе без лишних совещаний.",
            "Наставники из числа бывших участников давали новичкам практичные советы, которым те доверяли.",
            "Совместные закупки с родственным агентством снизили стоимость комплектов почти на четверть.",
            "Передачи местного радио на языках меньшинств разъяснили правила отбора всему сообществу.",
            "Единая карта перенаправления позволила медикам, педагогам и соцработникам вести один и "
             "тот же случай.",
            "Ежеквартальные семинары с партнёрами превращали данные мониторинга в конкретные "
             "изменения планов.",
            "Соглашения о софинансировании с муниципалитетами обеспечили текущие расходы центров "
             "после их передачи.",
        ],
        "follow": [
            "Эту практику легко повторить, и она стоила недорого.",
            "Партнёры намерены сохранить её на следующем этапе.",
            "Её стоит описать и распространить в других страновых офисах.",
            "Это в равной мере относится к аналогичным программам в регионе.",
        ],
        "filler": [
            "Программа реализовывалась в {n} районах с {y0} по {y1} год.",
            "Были проведены интервью с {n} заинтересованными сторонами, включая государственных "
             "служащих и получателей помощи.",
            "Партнёры сообщили, что уроки первого этапа были учтены лишь частично.",
            "Ряд собеседников рекомендовал уделять больше внимания сельским районам.",
            "Группа оценки отметила, что предыдущие обзоры рекомендовали упростить формат отчётности.",
            "Целевые показатели по числу обученных были превышены, а показатели трудоустройства не "
             "достигнуты.",
            "В первый год бюджет осваивался медленнее, чем планировалось.",
            "Государственные партнёры выразили большую заинтересованность в продолжении мероприятий.",
            "Координация с другими агентствами улучшилась после создания совместной рабочей группы.",
            "Данные о результатах собирались нерегулярно и не были разбиты по полу.",
        ],
        "intro_recs": "По итогам оценки сформулированы следующие рекомендации.",
        "intro_lessons": "Из опыта программы можно извлечь следующие уроки.",
        "intro_gps": "Оценка выявила следующие примеры передового опыта.",
        "findings_list": [
            "Программа была в высокой степени актуальна для национальных приоритетов и потребностей "
             "целевых групп.",
            "Большинство продуктов было создано, хотя часть из них задержалась из-за проблем с закупками.",
            "На эффективность повлияли высокая текучесть кадров и позднее начало мероприятий.",
            "Устойчивость результатов зависит от продолжения финансирования из государственного бюджета.",
        ],
        "questions": [
            "Какова была ваша роль в программе и с какого времени вы в ней участвуете?",
            "Насколько мероприятия соответствовали потребностям вашего учреждения?",
            "Какие результаты вы считаете самыми важными и почему?",
            "С какими препятствиями вы столкнулись в ходе реализации?",
            "Что бы вы рекомендовали для следующего этапа программы?",
            "Какими уроками вы поделились бы с коллегами, начинающими похожий проект?",
        ],
        "matrix_head": ["Критерий", "Вопрос оценки", "Индикаторы", "Источники"],
        "matrix_rows": [
            ["Актуальность", "В какой мере программа отвечала национальным приоритетам?",
             "Соответствие стратегиям", "Документы, интервью"],
            ["Результативность", "Достигнуты ли ожидаемые результаты?", "Индикаторы результатов",
             "Данные мониторинга"],
            ["Эффективность", "Экономно ли использовались ресурсы?", "Стоимость на одного получателя",
             "Финансовые отчёты"],
            ["Устойчивость", "Сохранятся ли выгоды после завершения программы?", "Бюджетные обязательства",
             "Интервью"],
        ],
        "response_head": ["Рекомендация", "Ответ руководства", "Ключевые действия", "Срок"],
        "responses": ["Принята", "Принята частично", "Принята"],
        "actions": ["Рабочая группа подготовит план.", "Будет обсуждено с донором.",
                    "Включено в следующий план работы."],
    },
}
