"""The agents that exist. An agent appears here when its package lands; until then its
skills are simply absent, and Maestro says so instead of faking an answer."""

from __future__ import annotations

from eventmaestro.agents.base import Agent
from eventmaestro.agents.finance.agent import agent as finance
from eventmaestro.agents.planning.agent import agent as planning
from eventmaestro.agents.vendors.agent import agent as vendors


def all_agents() -> list[Agent]:
    return [planning, finance, vendors]


def find_agents(names: list[str]) -> list[Agent]:
    known = {agent.name: agent for agent in all_agents()}
    return [known[name] for name in names if name in known]
