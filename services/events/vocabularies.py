"""Coded lists of the events service, with Spanish and English labels."""

from __future__ import annotations

from enum import StrEnum

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


class Institution(StrEnum):
    policia_nacional = "policia_nacional"
    procuraduria = "procuraduria"
    defensoria = "defensoria"
    personeria = "personeria"
    alcaldia = "alcaldia"
    gobernacion = "gobernacion"
    fiscalia = "fiscalia"
    otra = "otra"


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


class RiskFactorCategory(StrEnum):
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

INSTITUTION = Vocabulary(
    "partner_institutions",
    Institution,
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
    {
        "mujer": ("Mujer", "Woman"),
        "hombre": ("Hombre", "Man"),
        "otro": ("Otro", "Other"),
        "no_reporta": ("No reporta", "Not reported"),
    },
    "Sex, as reported by the participant",
)

AGE_GROUP = Vocabulary(
    "age_group",
    AgeGroup,
    {
        "0_13": ("0 a 13 años", "0 to 13 years"),
        "14_28": ("14 a 28 años", "14 to 28 years"),
        "29_59": ("29 a 59 años", "29 to 59 years"),
        "60_mas": ("60 años o más", "60 years or older"),
        "no_reporta": ("No reporta", "Not reported"),
    },
    "Age group (Colombian youth law: 14 to 28)",
)

ETHNICITY = Vocabulary(
    "ethnicity",
    Ethnicity,
    {
        "afrocolombiano": ("Afrocolombiano", "Afro-Colombian"),
        "indigena": ("Indígena", "Indigenous"),
        "raizal": ("Raizal", "Raizal"),
        "palenquero": ("Palenquero", "Palenquero"),
        "rrom": ("Rrom (gitano)", "Rrom (Roma)"),
        "ninguno": ("Ninguno", "None"),
        "no_reporta": ("No reporta", "Not reported"),
    },
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
    {
        "presencia_grupos_armados": ("Presencia de grupos armados", "Presence of armed groups"),
        "economias_ilegales": ("Economías ilegales", "Illegal economies"),
        "consumo_spa": ("Consumo de sustancias psicoactivas", "Psychoactive substance use"),
        "violencia_intrafamiliar": ("Violencia intrafamiliar", "Domestic violence"),
        "falta_oportunidades_jovenes": (
            "Falta de oportunidades para jóvenes",
            "Lack of opportunities for youth",
        ),
        "desconfianza_institucional": ("Desconfianza institucional", "Distrust of institutions"),
        "estigmatizacion_lideres": (
            "Estigmatización de líderes sociales",
            "Stigmatisation of social leaders",
        ),
        "conflictos_convivencia": ("Conflictos de convivencia", "Coexistence conflicts"),
        "entorno_inseguro": ("Entorno inseguro", "Unsafe surroundings"),
        "otro": ("Otro", "Other"),
    },
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
    INSTITUTION,
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
