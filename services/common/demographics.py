"""Coded lists shared by services: disaggregation (sex, age, ethnicity) and risk factors.

Donor reports disaggregate every count the same way in every service, and community
initiatives (organizations) and dialogue events (events) name risk factors with the same
codes, so the codes and their labels live here once.
"""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    mujer = "mujer"
    hombre = "hombre"
    otro = "otro"
    no_reporta = "no_reporta"


class AgeGroup(StrEnum):
    age_0_13 = "0_13"
    age_14_28 = "14_28"
    age_29_59 = "29_59"
    age_60_mas = "60_mas"
    no_reporta = "no_reporta"


class Ethnicity(StrEnum):
    afrocolombiano = "afrocolombiano"
    indigena = "indigena"
    raizal = "raizal"
    palenquero = "palenquero"
    rrom = "rrom"
    ninguno = "ninguno"
    no_reporta = "no_reporta"


class RiskFactor(StrEnum):
    """Risk factors for coexistence and security."""

    presencia_grupos_armados = "presencia_grupos_armados"
    economias_ilegales = "economias_ilegales"
    consumo_spa = "consumo_spa"
    violencia_intrafamiliar = "violencia_intrafamiliar"
    falta_oportunidades_jovenes = "falta_oportunidades_jovenes"
    desconfianza_institucional = "desconfianza_institucional"
    estigmatizacion_lideres = "estigmatizacion_lideres"
    conflictos_convivencia = "conflictos_convivencia"
    entorno_inseguro = "entorno_inseguro"
    otro = "otro"


SEX_LABELS = {
    "mujer": ("Mujer", "Woman"),
    "hombre": ("Hombre", "Man"),
    "otro": ("Otro", "Other"),
    "no_reporta": ("No reporta", "Not reported"),
}

AGE_GROUP_LABELS = {
    "0_13": ("0 a 13 años", "0 to 13 years"),
    "14_28": ("14 a 28 años", "14 to 28 years"),
    "29_59": ("29 a 59 años", "29 to 59 years"),
    "60_mas": ("60 años o más", "60 years or older"),
    "no_reporta": ("No reporta", "Not reported"),
}

ETHNICITY_LABELS = {
    "afrocolombiano": ("Afrocolombiano", "Afro-Colombian"),
    "indigena": ("Indígena", "Indigenous"),
    "raizal": ("Raizal", "Raizal"),
    "palenquero": ("Palenquero", "Palenquero"),
    "rrom": ("Rrom (gitano)", "Rrom (Roma)"),
    "ninguno": ("Ninguno", "None"),
    "no_reporta": ("No reporta", "Not reported"),
}

RISK_FACTOR_LABELS = {
    "presencia_grupos_armados": ("Presencia de grupos armados", "Presence of armed groups"),
    "economias_ilegales": ("Economías ilegales", "Illegal economies"),
    "consumo_spa": ("Consumo de sustancias psicoactivas", "Psychoactive substance use"),
    "violencia_intrafamiliar": ("Violencia intrafamiliar", "Domestic violence"),
    "falta_oportunidades_jovenes": (
        "Falta de oportunidades para jóvenes",
        "Lack of opportunities for young people",
    ),
    "desconfianza_institucional": ("Desconfianza institucional", "Distrust of institutions"),
    "estigmatizacion_lideres": (
        "Estigmatización de líderes sociales",
        "Stigmatisation of social leaders",
    ),
    "conflictos_convivencia": ("Conflictos de convivencia", "Coexistence conflicts"),
    "entorno_inseguro": ("Entorno inseguro", "Unsafe surroundings"),
    "otro": ("Otro", "Other"),
}
