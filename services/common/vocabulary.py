"""Coded lists with Spanish and English labels, and the route that serves them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel


@dataclass(frozen=True)
class Vocabulary:
    """One coded list: its name, its codes (a StrEnum) and an (es, en) label per code."""

    name: str
    codes: type[StrEnum]
    labels: Mapping[str, tuple[str, str]]
    description: str = ""

    def __post_init__(self) -> None:
        missing = {c.value for c in self.codes} ^ set(self.labels)
        if missing:
            raise ValueError(f"vocabulary {self.name}: labels and codes differ on {missing}")

    def label(self, code: str, language: str = "es") -> str:
        es, en = self.labels[code]
        return es if language == "es" else en


class Term(BaseModel):
    code: str
    es: str
    en: str


class VocabularyRead(BaseModel):
    description: str
    terms: list[Term]


class VocabulariesRead(BaseModel):
    """Every coded list of a service, keyed by the field that uses it."""

    service: str
    vocabularies: dict[str, VocabularyRead]


def vocabularies_router(
    *, service: str, path: str, vocabularies: Sequence[Vocabulary], tag: str,
    operation_id: str, guard: Callable[..., Any],
) -> APIRouter:
    """``GET path``: the service's vocabularies, for a caller that passes ``guard``."""
    router = APIRouter(tags=[tag])
    document = VocabulariesRead(service=service, vocabularies={
        v.name: VocabularyRead(description=v.description, terms=[
            Term(code=c.value, es=v.labels[c.value][0], en=v.labels[c.value][1])
            for c in v.codes
        ]) for v in vocabularies
    })

    # The guard goes in `dependencies`: a closure variable in a string annotation (this module
    # uses postponed annotations) cannot be resolved by FastAPI and became a query parameter.
    @router.get(path, operation_id=operation_id, response_model=VocabulariesRead,
                summary=f"Coded lists of the {service} service (es/en labels)",
                dependencies=[Depends(guard)])
    async def get_vocabularies() -> VocabulariesRead:
        return document

    return router
