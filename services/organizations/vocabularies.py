"""Coded lists of the organizations service, with Spanish and English labels."""

from __future__ import annotations

from enum import StrEnum

from services.common.demographics import (
    AGE_GROUP_LABELS,
    ETHNICITY_LABELS,
    RISK_FACTOR_LABELS,
    SEX_LABELS,
    AgeGroup,
    Ethnicity,
    RiskFactor,
    Sex,
)
from services.common.vocabulary import Vocabulary


class OrganizationType(StrEnum):
    consejo_comunitario = "consejo_comunitario"
    resguardo_cabildo_indigena = "resguardo_cabildo_indigena"
    organizacion_afrocolombiana = "organizacion_afrocolombiana"
    organizacion_indigena = "organizacion_indigena"
    plataforma_juvenil = "plataforma_juvenil"
    organizacion_mujeres = "organizacion_mujeres"
    organizacion_victimas = "organizacion_victimas"
    junta_accion_comunal = "junta_accion_comunal"
    organizacion_lgbtiq = "organizacion_lgbtiq"
    organizacion_defensora_ddhh = "organizacion_defensora_ddhh"
    otra = "otra"


class EthnicFocus(StrEnum):
    afrocolombiano = "afrocolombiano"
    indigena = "indigena"
    raizal = "raizal"
    palenquero = "palenquero"
    rrom = "rrom"
    ninguno = "ninguno"


class FocusArea(StrEnum):
    jovenes = "jovenes"
    mujeres = "mujeres"
    victimas = "victimas"
    derechos_humanos = "derechos_humanos"
    convivencia = "convivencia"
    seguridad = "seguridad"
    medio_ambiente = "medio_ambiente"
    cultura = "cultura"
    otro = "otro"


class OrganizationStatus(StrEnum):
    active = "active"
    inactive = "inactive"


class AssessmentKind(StrEnum):
    baseline = "baseline"
    follow_up = "follow_up"


class AssessmentStatus(StrEnum):
    draft = "draft"
    verified = "verified"


class OpiDomain(StrEnum):
    effectiveness = "effectiveness"
    efficiency = "efficiency"
    relevance = "relevance"
    sustainability = "sustainability"


class OpiArea(StrEnum):
    """The eight OPI sub-areas, two per domain."""

    results = "results"
    standards = "standards"
    delivery = "delivery"
    reach = "reach"
    target_population = "target_population"
    learning = "learning"
    resources = "resources"
    social_capital = "social_capital"


OPI_DOMAINS: dict[OpiDomain, tuple[OpiArea, OpiArea]] = {
    OpiDomain.effectiveness: (OpiArea.results, OpiArea.standards),
    OpiDomain.efficiency: (OpiArea.delivery, OpiArea.reach),
    OpiDomain.relevance: (OpiArea.target_population, OpiArea.learning),
    OpiDomain.sustainability: (OpiArea.resources, OpiArea.social_capital),
}

ORGANIZATION_TYPE = Vocabulary(
    "type",
    OrganizationType,
    {
        "consejo_comunitario": ("Consejo comunitario", "Community council (Afro-Colombian)"),
        "resguardo_cabildo_indigena": (
            "Resguardo o cabildo indígena",
            "Indigenous reserve or council",
        ),
        "organizacion_afrocolombiana": (
            "Organización afrocolombiana",
            "Afro-Colombian organization",
        ),
        "organizacion_indigena": ("Organización indígena", "Indigenous organization"),
        "plataforma_juvenil": ("Plataforma juvenil", "Youth platform"),
        "organizacion_mujeres": ("Organización de mujeres", "Women's organization"),
        "organizacion_victimas": ("Organización de víctimas", "Victims' organization"),
        "junta_accion_comunal": ("Junta de acción comunal", "Community action board"),
        "organizacion_lgbtiq": ("Organización LGBTIQ+", "LGBTIQ+ organization"),
        "organizacion_defensora_ddhh": (
            "Organización defensora de derechos humanos",
            "Human-rights defenders' organization",
        ),
        "otra": ("Otra", "Other"),
    },
    "Kind of civil-society organization",
)

ETHNIC_FOCUS = Vocabulary(
    "ethnic_focus",
    EthnicFocus,
    {
        "afrocolombiano": ("Afrocolombiano", "Afro-Colombian"),
        "indigena": ("Indígena", "Indigenous"),
        "raizal": ("Raizal", "Raizal"),
        "palenquero": ("Palenquero", "Palenquero"),
        "rrom": ("Rrom (gitano)", "Rrom (Roma)"),
        "ninguno": ("Ninguno", "None"),
    },
    "Ethnic focus of the organization",
)

FOCUS_AREA = Vocabulary(
    "focus_areas",
    FocusArea,
    {
        "jovenes": ("Jóvenes", "Youth"),
        "mujeres": ("Mujeres", "Women"),
        "victimas": ("Víctimas", "Victims"),
        "derechos_humanos": ("Derechos humanos", "Human rights"),
        "convivencia": ("Convivencia", "Coexistence"),
        "seguridad": ("Seguridad", "Security"),
        "medio_ambiente": ("Medio ambiente", "Environment"),
        "cultura": ("Cultura", "Culture"),
        "otro": ("Otro", "Other"),
    },
    "Thematic focus areas",
)

ORGANIZATION_STATUS = Vocabulary(
    "status",
    OrganizationStatus,
    {
        "active": ("Activa", "Active"),
        "inactive": ("Inactiva", "Inactive"),
    },
    "Whether the organization is currently active",
)

ASSESSMENT_KIND = Vocabulary(
    "assessment_kind",
    AssessmentKind,
    {
        "baseline": ("Línea de base", "Baseline"),
        "follow_up": ("Seguimiento", "Follow-up"),
    },
    "OPI assessment kind",
)

ASSESSMENT_STATUS = Vocabulary(
    "assessment_status",
    AssessmentStatus,
    {
        "draft": ("Borrador", "Draft"),
        "verified": ("Verificada", "Verified"),
    },
    "OPI assessment status",
)

OPI_DOMAIN = Vocabulary(
    "opi_domain",
    OpiDomain,
    {
        "effectiveness": ("Efectividad", "Effectiveness"),
        "efficiency": ("Eficiencia", "Efficiency"),
        "relevance": ("Pertinencia", "Relevance"),
        "sustainability": ("Sostenibilidad", "Sustainability"),
    },
    "OPI (Índice de Desempeño Organizacional) domains",
)

OPI_AREA = Vocabulary(
    "opi_area",
    OpiArea,
    {
        "results": ("Resultados", "Results"),
        "standards": ("Estándares", "Standards"),
        "delivery": ("Entrega", "Delivery"),
        "reach": ("Alcance", "Reach"),
        "target_population": ("Población objetivo", "Target population"),
        "learning": ("Aprendizaje", "Learning"),
        "resources": ("Recursos", "Resources"),
        "social_capital": ("Capital social", "Social capital"),
    },
    "OPI sub-areas (two per domain), scored 1 to 4",
)

ALL = [
    ORGANIZATION_TYPE,
    ETHNIC_FOCUS,
    FOCUS_AREA,
    ORGANIZATION_STATUS,
    ASSESSMENT_KIND,
    ASSESSMENT_STATUS,
    OPI_DOMAIN,
    OPI_AREA,
]


# --- strengthening plans, capacity support, community initiatives ----------------------


class StrengtheningPlanStatus(StrEnum):
    draft = "draft"
    approved = "approved"
    in_progress = "in_progress"
    completed = "completed"
    cancelled = "cancelled"


class ActionStatus(StrEnum):
    pending = "pending"
    in_progress = "in_progress"
    done = "done"
    dropped = "dropped"


class SupportKind(StrEnum):
    communications = "communications"
    relationship_with_authorities = "relationship_with_authorities"
    psychosocial_support = "psychosocial_support"
    self_protection = "self_protection"
    organizational_management = "organizational_management"
    legal = "legal"
    other = "other"


class InitiativeStatus(StrEnum):
    designed = "designed"
    in_implementation = "in_implementation"
    completed = "completed"
    cancelled = "cancelled"


class Methodology(StrEnum):
    ibp = "ibp"
    other = "other"


PLAN_STATUS = Vocabulary(
    "plan_status",
    StrengtheningPlanStatus,
    {
        "draft": ("Borrador", "Draft"),
        "approved": ("Aprobado", "Approved"),
        "in_progress": ("En ejecución", "In progress"),
        "completed": ("Finalizado", "Completed"),
        "cancelled": ("Cancelado", "Cancelled"),
    },
    "Strengthening plan status",
)

ACTION_STATUS = Vocabulary(
    "action_status",
    ActionStatus,
    {
        "pending": ("Pendiente", "Pending"),
        "in_progress": ("En curso", "In progress"),
        "done": ("Realizada", "Done"),
        "dropped": ("Descartada", "Dropped"),
    },
    "Status of an action of a strengthening plan",
)

SUPPORT_KIND = Vocabulary(
    "support_kind",
    SupportKind,
    {
        "communications": ("Comunicaciones", "Communications"),
        "relationship_with_authorities": (
            "Relacionamiento con autoridades",
            "Relationship with authorities",
        ),
        "psychosocial_support": ("Atención psicosocial", "Psychosocial support"),
        "self_protection": ("Autoprotección", "Self-protection"),
        "organizational_management": ("Gestión organizacional", "Organizational management"),
        "legal": ("Asesoría jurídica", "Legal advice"),
        "other": ("Otro", "Other"),
    },
    "Kind of capacity support given to an organization",
)

INITIATIVE_STATUS = Vocabulary(
    "initiative_status",
    InitiativeStatus,
    {
        "designed": ("Diseñada", "Designed"),
        "in_implementation": ("En implementación", "In implementation"),
        "completed": ("Finalizada", "Completed"),
        "cancelled": ("Cancelada", "Cancelled"),
    },
    "Community initiative status",
)

METHODOLOGY = Vocabulary(
    "methodology",
    Methodology,
    {
        "ibp": ("Iniciativa de Balance Positivo (IBP)", "Positive Balance Initiative (IBP)"),
        "other": ("Otra", "Other"),
    },
    "Methodology of a community initiative",
)

RISK_FACTOR = Vocabulary(
    "risk_factor",
    RiskFactor,
    RISK_FACTOR_LABELS,
    "Risk factors a community initiative addresses (shared with the events service)",
)

SEX = Vocabulary(
    "sex",
    Sex,
    SEX_LABELS,
    "Sex, for beneficiary breakdowns",
)

AGE_GROUP = Vocabulary(
    "age_group",
    AgeGroup,
    AGE_GROUP_LABELS,
    "Age group, for beneficiary breakdowns",
)

ETHNICITY = Vocabulary(
    "ethnicity",
    Ethnicity,
    ETHNICITY_LABELS,
    "Ethnic self-recognition, for beneficiary breakdowns",
)

ALL += [
    PLAN_STATUS,
    ACTION_STATUS,
    SUPPORT_KIND,
    INITIATIVE_STATUS,
    METHODOLOGY,
    RISK_FACTOR,
    SEX,
    AGE_GROUP,
    ETHNICITY,
]
