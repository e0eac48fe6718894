"""Disclosure control on an event's trust survey: a mean of few answers is those answers."""

from __future__ import annotations

from services.common.testing import bearer
from tests.events.factories import create_event

SURVEY = {
    "before": {"respondents": 2, "mean_score": 2.0},
    "after": {"respondents": 12, "mean_score": 3.5},
}


async def test_trust_means_of_few_respondents_are_withheld(client, make_token):
    event = await create_event(client, type="hablemos_de_policia", trust_survey=SURVEY)
    path = f"/api/v1/events/{event['id']}"
    body = (await client.get(path, headers=bearer(make_token("events:read")))).json()
    survey = body["trust_survey"]
    assert survey["before"] == {"respondents": 2, "mean_score": None}
    assert survey["after"] == {"respondents": 12, "mean_score": 3.5}
    # after - change would give the withheld mean back
    assert survey["change"] is None
    assert body["suppressed"] == ["trust_survey.before.mean_score", "trust_survey.change"]
    listed = (await client.get("/api/v1/events", headers=bearer(make_token("events:read")))).json()
    assert listed["items"][0]["trust_survey"]["before"]["mean_score"] is None
    exact = (await client.get(path, headers=bearer(make_token("events:read attendees:pii")))).json()
    assert exact["trust_survey"]["before"]["mean_score"] == 2.0
    assert exact["trust_survey"]["change"] == 1.5
    assert exact["suppressed"] == []


async def test_trust_means_of_k_respondents_are_shown(client, make_token):
    survey = {"before": {"respondents": 5, "mean_score": 2.0}, "after": SURVEY["after"]}
    event = await create_event(client, type="hablemos_de_policia", trust_survey=survey)
    r = await client.get(f"/api/v1/events/{event['id']}", headers=bearer(make_token("events:read")))
    body = r.json()
    assert body["trust_survey"]["before"]["mean_score"] == 2.0
    assert body["trust_survey"]["change"] == 1.5
    assert body["suppressed"] == []
