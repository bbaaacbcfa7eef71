"""The template library: complete, well-formed, and schedulable for every size."""

from __future__ import annotations

import datetime as dt

import pytest

from eventmaestro.agents.planning import explain
from eventmaestro.agents.planning.calendar import calendar_for
from eventmaestro.agents.planning.scheduling import CompressionKind, schedule
from eventmaestro.agents.planning.templates import expand, library, with_requirements

CAL = calendar_for("RU")
TODAY = dt.date(2026, 3, 2)
EVENT_TYPES = [
    "conference",
    "forum",
    "seminar",
    "webinar",
    "exhibition",
    "corporate_party",
    "team_building",
    "product_launch",
    "award_ceremony",
    "wedding",
    "birthday",
    "festival",
    "concert",
]


def test_every_event_type_has_a_template_of_25_to_70_tasks() -> None:
    templates = library().templates
    assert sorted(templates) == sorted(EVENT_TYPES)
    for template in templates.values():
        assert 25 <= len(template.tasks) <= 70, template.id
        assert all(task.ru and task.en for task in template.tasks)
        assert any(task.after_event for task in template.tasks)
        assert any(task.days == 0 for task in template.tasks), "milestones"
    assert library().get("sports_event") is templates["festival"]


@pytest.mark.parametrize("template_id", EVENT_TYPES)
@pytest.mark.parametrize("guests", [20, 150, 1500])
@pytest.mark.parametrize("event_format", ["offline", "online", "hybrid"])
def test_every_template_fits_in_120_days(template_id: str, guests: int, event_format: str) -> None:
    template = library().templates[template_id]
    tasks = expand(template, guests=guests, event_format=event_format)  # type: ignore[arg-type]
    assert len(tasks) >= 25
    plan = schedule(
        [task.spec for task in tasks],
        start=TODAY,
        event_date=TODAY + dt.timedelta(days=120),
        calendar=CAL,
    )
    assert plan.feasible, (plan.required_days, plan.available_days)


def test_format_and_size_shape_the_plan() -> None:
    conference = library().templates["conference"]

    def ids(guests: int, fmt: str) -> set[str]:
        return {t.spec.id for t in expand(conference, guests=guests, event_format=fmt)}  # type: ignore[arg-type]

    assert "venue_booked" in ids(150, "offline")
    assert "venue_booked" not in ids(150, "online")
    assert "stream_setup" not in ids(150, "offline")
    assert {"venue_booked", "stream_setup"} <= ids(150, "hybrid")
    assert "security_plan" in ids(1500, "offline")
    assert "security_plan" not in ids(20, "offline")
    online = {t.spec.id: t.spec for t in expand(conference, guests=150, event_format="online")}
    # Dropping the venue hands its dependency on: the AV contractor is gone, not left dangling.
    assert all(dep in online for spec in online.values() for dep in spec.depends_on)
    small = {
        t.spec.id: t.spec.duration for t in expand(conference, guests=20, event_format="offline")
    }
    large = {
        t.spec.id: t.spec.duration for t in expand(conference, guests=1500, event_format="offline")
    }
    assert large["venue_shortlist"] > small["venue_shortlist"]
    assert large["brief"] == small["brief"]  # fixed
    without_optional = expand(
        conference, guests=150, event_format="offline", include_optional=False
    )
    assert not any(t.spec.optional for t in without_optional)


def test_large_conference_in_ten_working_days_is_infeasible_and_explained() -> None:
    conference = library().templates["conference"]
    specs = [t.spec for t in expand(conference, guests=1500, event_format="offline")]
    titles = {
        t.spec.id: t.template.ru for t in expand(conference, guests=1500, event_format="offline")
    }
    event = CAL.date(CAL.index(TODAY) + 10)
    plan = schedule(specs, start=TODAY, event_date=event, calendar=CAL)
    why = plan.infeasibility
    assert why is not None
    assert why.available_days == 10
    # Even with every critical task crashed to its shortest, it needs over five weeks.
    assert why.required_days > 20
    by_id = {spec.id: spec for spec in specs}
    driver = by_id[why.critical_path[-1]]
    planned = {t: plan.durations.get(t, by_id[t].duration) for t in why.critical_path}
    assert sum(planned.values()) + driver.due_offset == why.required_days
    # The critical tasks are already at their crash durations, so what is left to suggest is
    # running more of them in parallel or dropping optional ones.
    assert why.compressions
    assert CompressionKind.CRASH not in {c.kind for c in why.compressions}
    later = schedule(specs, start=TODAY, event_date=why.earliest_feasible_date, calendar=CAL)
    assert later.feasible
    day_before = why.earliest_feasible_date - dt.timedelta(days=1)
    assert not schedule(specs, start=TODAY, event_date=day_before, calendar=CAL).feasible
    text = explain.summary(why, titles.__getitem__, "ru")
    assert f"нужно {why.required_days} рабочих" in text
    assert "осталось 10 рабочих дней" in text
    assert titles[why.critical_path[0]] in text
    english = explain.summary(why, titles.__getitem__, "en")
    assert f"needs {why.required_days} working days, 10 remain" in english
    for item in why.compressions:
        assert f"{item.saves_days}" in explain.compression(item, titles.__getitem__, "ru")


def test_special_requirements_add_anchored_tasks() -> None:
    brief = "Корпоратив с фейерверком, нужен кейтеринг халяль; иностранные спикеры — визы"
    for template_id in ("corporate_party", "concert", "webinar"):
        template, matched = with_requirements(library().templates[template_id], brief)
        assert matched == ["fireworks", "halal", "visas"]
        ids = {task.id for task in template.tasks}
        assert {"fireworks_vendor", "fireworks_permit", "halal_catering", "visa_support"} <= ids
        tasks = expand(template, guests=150, event_format="offline")
        by_id = {t.spec.id: t.spec for t in tasks}
        assert all(dep in by_id for spec in by_id.values() for dep in spec.depends_on)
        plan = schedule(
            list(by_id.values()),
            start=TODAY,
            event_date=TODAY + dt.timedelta(days=120),
            calendar=CAL,
        )
        assert plan.feasible
    party = {
        t.spec.id: t.spec
        for t in expand(
            with_requirements(library().templates["corporate_party"], brief)[0],
            guests=150,
            event_format="offline",
        )
    }
    assert "catering_tender" in party["halal_catering"].depends_on
    assert with_requirements(library().templates["seminar"], "детали бюджета, визитки")[1] == []
