"""Coded lists of the events service, with Spanish and English labels."""

from __future__ import annotations

from enum import StrEnum

from services.common.demographics import (
    AGE_GROUP_LABELS,
    ETHNICITY_LABELS,
    RISK_FACTOR_LABELS,
    SEX_LABELS,
    AgeGroup,
    Ethnicity,
    Sex,
)
from services.common.demographics import RiskFactor as RiskFactorCategory
from services.common.vocabulary import Vocabulary


class EventType(StrEnum):
    dialogo_resiliencia = "dialogo_resiliencia"
    hablemos_de_policia = "hablemos_de_policia"
    espacio_regional_lideres = "espacio_regional_lideres"
    capacitacion_piscc = "capacitacion_piscc"
    taller_psicosocial = "taller_psicosocial"
    taller_autoproteccion = "taller_autoproteccion"
    mesa_seguridad = "mesa_seguridad"
    otro = "otro"


class EventStatus(StrEnum):
    planned = "planned"
    held = "held"
    cancelled = "cancelled"


# Public institutions taking part in events; also the institution codes that a commitment's
# responsible party may name. Not ``Institution``: security_plans has its own list.
class PartnerInstitution(StrEnum):
    policia_nacional = "policia_nacional"
    procuraduria = "procuraduria"
    defensoria = "defensoria"
    personeria = "personeria"
    alcaldia = "alcaldia"
    gobernacion = "gobernacion"
    fiscalia = "fiscalia"
    otra = "otra"


class ParticipantRole(StrEnum):
    comunidad = "comunidad"
    lider_social = "lider_social"
    policia = "policia"
    autoridad_local = "autoridad_local"
    organizacion_sociedad_civil = "organizacion_sociedad_civil"
    otro = "otro"


class DocumentType(StrEnum):
    cc = "cc"
    ti = "ti"
    ce = "ce"
    ppt = "ppt"
    pasaporte = "pasaporte"
    ninguno = "ninguno"


class CommitmentStatus(StrEnum):
    open = "open"
    in_progress = "in_progress"
    fulfilled = "fulfilled"
    cancelled = "cancelled"


class ResponsibleKind(StrEnum):
    institution = "institution"
    organization = "organization"
    other = "other"


# Allowed status changes; the keys not listed as targets are final.
EVENT_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "planned": ("held", "cancelled"),
    "held": (),
    "cancelled": (),
}
COMMITMENT_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "open": ("in_progress", "cancelled"),
    "in_progress": ("fulfilled", "cancelled"),
    "fulfilled": (),
    "cancelled": (),
}
PENDING_COMMITMENT = ("open", "in_progress")

EVENT_TYPE = Vocabulary(
    "type",
    EventType,
    {
        "dialogo_resiliencia": ("Diálogo de Resiliencia", "Resilience Dialogue"),
        "hablemos_de_policia": ("Hablemos de Policía", "Let's Talk About Police"),
        "espacio_regional_lideres": (
            "Espacio regional de líderes sociales y defensores de DD. HH. (con la Procuraduría)",
            "Regional space for social leaders and human-rights defenders (with the Procuraduría)",
        ),
        "capacitacion_piscc": ("Capacitación PISCC", "PISCC training"),
        "taller_psicosocial": ("Taller psicosocial", "Psychosocial workshop"),
        "taller_autoproteccion": ("Taller de autoprotección", "Self-protection workshop"),
        "mesa_seguridad": ("Mesa de seguridad", "Security roundtable"),
        "otro": ("Otro", "Other"),
    },
    "Kind of event",
)

EVENT_STATUS = Vocabulary(
    "status",
    EventStatus,
    {
        "planned": ("Programado", "Planned"),
        "held": ("Realizado", "Held"),
        "cancelled": ("Cancelado", "Cancelled"),
    },
    "Event status: planned → held, or cancelled with a reason",
)

PARTNER_INSTITUTION = Vocabulary(
    "partner_institutions",
    PartnerInstitution,
    {
        "policia_nacional": ("Policía Nacional", "National Police"),
        "procuraduria": ("Procuraduría General de la Nación", "Inspector General's Office"),
        "defensoria": ("Defensoría del Pueblo", "Ombudsman's Office"),
        "personeria": ("Personería municipal", "Municipal ombudsman"),
        "alcaldia": ("Alcaldía", "Mayor's office"),
        "gobernacion": ("Gobernación", "Governor's office"),
        "fiscalia": ("Fiscalía General de la Nación", "Attorney General's Office"),
        "otra": ("Otra", "Other"),
    },
    "Partner institutions (also the institution codes of a commitment's responsible party)",
)

SEX = Vocabulary(
    "sex",
    Sex,
    SEX_LABELS,
    "Sex, as reported by the participant",
)

AGE_GROUP = Vocabulary(
    "age_group",
    AgeGroup,
    AGE_GROUP_LABELS,
    "Age group (Colombian youth law: 14 to 28)",
)

ETHNICITY = Vocabulary(
    "ethnicity",
    Ethnicity,
    ETHNICITY_LABELS,
    "Ethnic self-identification",
)

ROLE = Vocabulary(
    "role",
    ParticipantRole,
    {
        "comunidad": ("Comunidad", "Community member"),
        "lider_social": ("Líder o lideresa social", "Social leader"),
        "policia": ("Policía", "Police"),
        "autoridad_local": ("Autoridad local", "Local authority"),
        "organizacion_sociedad_civil": (
            "Organización de la sociedad civil",
            "Civil-society organization",
        ),
        "otro": ("Otro", "Other"),
    },
    "Role in which the person took part",
)

DOCUMENT_TYPE = Vocabulary(
    "document_type",
    DocumentType,
    {
        "cc": ("Cédula de ciudadanía", "Citizenship card"),
        "ti": ("Tarjeta de identidad", "Identity card (minors)"),
        "ce": ("Cédula de extranjería", "Foreigner's card"),
        "ppt": ("Permiso por Protección Temporal", "Temporary Protection Permit"),
        "pasaporte": ("Pasaporte", "Passport"),
        "ninguno": ("Ninguno", "None"),
    },
    "Identity document type of an attendee",
)

RISK_FACTOR = Vocabulary(
    "risk_factor_category",
    RiskFactorCategory,
    RISK_FACTOR_LABELS,
    "Risk factor named in an event",
)

COMMITMENT_STATUS = Vocabulary(
    "commitment_status",
    CommitmentStatus,
    {
        "open": ("Abierto", "Open"),
        "in_progress": ("En curso", "In progress"),
        "fulfilled": ("Cumplido", "Fulfilled"),
        "cancelled": ("Cancelado", "Cancelled"),
    },
    "Commitment status: open → in_progress → fulfilled; cancelled with a reason",
)

RESPONSIBLE_KIND = Vocabulary(
    "responsible_party_kind",
    ResponsibleKind,
    {
        "institution": ("Institución", "Institution"),
        "organization": ("Organización registrada", "Registered organization"),
        "other": ("Otro (texto libre)", "Other (free text)"),
    },
    "What a commitment's responsible_party is: an institution code, an organization id, "
    "or free text",
)

ALL = [
    EVENT_TYPE,
    EVENT_STATUS,
    PARTNER_INSTITUTION,
    SEX,
    AGE_GROUP,
    ETHNICITY,
    ROLE,
    DOCUMENT_TYPE,
    RISK_FACTOR,
    COMMITMENT_STATUS,
    RESPONSIBLE_KIND,
]

# Participation breakdowns: name in the API → the codes it counts.
BREAKDOWNS: dict[str, type[StrEnum]] = {
    "by_sex": Sex,
    "by_age_group": AgeGroup,
    "by_ethnicity": Ethnicity,
    "by_role": ParticipantRole,
}
OPTIONAL_COUNTS = ("conflict_victims", "persons_with_disability", "lgbtiq")


def count_column(breakdown: str, code: str) -> str:
    """The participation table's column for one category ('by_age_group', '0_13' → 'age_0_13')."""
    prefix = {"by_sex": "sex", "by_age_group": "age", "by_ethnicity": "eth", "by_role": "role"}[
        breakdown
    ]
    return f"{prefix}_{code}"


def age_group(age: int | None) -> AgeGroup:
    """The age group of an age in years (None → no_reporta)."""
    if age is None or age < 0:
        return AgeGroup.no_reporta
    if age <= 13:
        return AgeGroup.age_0_13
    if age <= 28:
        return AgeGroup.age_14_28
    if age <= 59:
        return AgeGroup.age_29_59
    return AgeGroup.age_60_mas
