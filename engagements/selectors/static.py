"""The static risk of an offender as every page shows it: the tool the force's level policy uses,
and the current record of each static tool (both when both exist)."""

from __future__ import annotations

from riskmatrix.selectors import current_records

from .schedule import policy_current


def static_risk(offender) -> dict:
    """{"tool": "rm2000" | "osp", "rm2000": record | None, "osp": record | None}."""
    policy = policy_current(offender.team.force)
    tool = policy.as_rules().static_tool.value if policy is not None else "rm2000"
    records = current_records(offender)
    return {"tool": tool, "rm2000": records.get("rm2000"), "osp": records.get("osp")}
