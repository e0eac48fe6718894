"""Coded lists of the security_plans service, with Spanish and English labels."""

from __future__ import annotations

from enum import StrEnum

from services.common.vocabulary import Vocabulary


class SecurityPlanStatus(StrEnum):
    formulation = "formulation"
    submitted = "submitted"
    approved = "approved"
    in_implementation = "in_implementation"
    closed = "closed"


class ApprovingBody(StrEnum):
    comite_territorial_orden_publico = "comite_territorial_orden_publico"
    consejo_seguridad = "consejo_seguridad"
    otro = "otro"


class Problem(StrEnum):
    homicidio = "homicidio"
    lesiones_personales = "lesiones_personales"
    hurto_personas = "hurto_personas"
    hurto_comercio = "hurto_comercio"
    extorsion = "extorsion"
    violencia_intrafamiliar = "violencia_intrafamiliar"
    violencia_sexual = "violencia_sexual"
    reclutamiento_forzado = "reclutamiento_forzado"
    amenazas_lideres_sociales = "amenazas_lideres_sociales"
    microtrafico = "microtrafico"
    desplazamiento_forzado = "desplazamiento_forzado"
    minas_antipersonal = "minas_antipersonal"
    conflictividad_convivencia = "conflictividad_convivencia"
    otro = "otro"


class BaselineUnit(StrEnum):
    tasa_100k = "tasa_100k"
    casos = "casos"


class Institution(StrEnum):
    alcaldia = "alcaldia"
    gobernacion = "gobernacion"
    policia_nacional = "policia_nacional"
    fiscalia = "fiscalia"
    icbf = "icbf"
    personeria = "personeria"
    defensoria = "defensoria"
    ejercito = "ejercito"
    medicina_legal = "medicina_legal"
    sociedad_civil = "sociedad_civil"
    otra = "otra"


class FundingSource(StrEnum):
    fonset = "fonset"
    recursos_propios = "recursos_propios"
    sgr = "sgr"
    fonsecon = "fonsecon"
    cooperacion_internacional = "cooperacion_internacional"
    otra = "otra"


class ChecklistItem(StrEnum):
    marco_normativo = "marco_normativo"
    diagnostico_con_datos = "diagnostico_con_datos"
    participacion_ciudadana = "participacion_ciudadana"
    enfoque_diferencial = "enfoque_diferencial"
    articulacion_policia = "articulacion_policia"
    lineas_alineadas_politica_nacional = "lineas_alineadas_politica_nacional"
    indicadores_con_linea_base_y_meta = "indicadores_con_linea_base_y_meta"
    presupuesto_con_fuentes = "presupuesto_con_fuentes"
    mecanismo_seguimiento = "mecanismo_seguimiento"


class Rating(StrEnum):
    cumple = "cumple"
    cumple_parcialmente = "cumple_parcialmente"
    no_cumple = "no_cumple"


RATING_POINTS: dict[Rating, int] = {
    # Halves as integers (cumple = 2 halves) so the mean stays exact until rounding.
    Rating.cumple: 2,
    Rating.cumple_parcialmente: 1,
    Rating.no_cumple: 0,
}


class Approach(StrEnum):
    situacional = "situacional"
    social = "social"
    comunitaria = "comunitaria"
    policia_relacional = "policia_relacional"
    institucional = "institucional"


class TargetPopulation(StrEnum):
    jovenes = "jovenes"
    mujeres = "mujeres"
    ninez = "ninez"
    lideres_sociales = "lideres_sociales"
    comunidad_general = "comunidad_general"
    otra = "otra"


class StrategyStatus(StrEnum):
    designed = "designed"
    implementing = "implementing"
    implemented = "implemented"
    evaluated = "evaluated"
    discontinued = "discontinued"


PLAN_STATUS = Vocabulary(
    "status",
    SecurityPlanStatus,
    {
        "formulation": ("En formulación", "In formulation"),
        "submitted": ("Radicado para aprobación", "Submitted for approval"),
        "approved": ("Aprobado", "Approved"),
        "in_implementation": ("En implementación", "In implementation"),
        "closed": ("Cerrado", "Closed"),
    },
    "Lifecycle of a PISCC",
)

APPROVING_BODY = Vocabulary(
    "approving_body",
    ApprovingBody,
    {
        "comite_territorial_orden_publico": (
            "Comité Territorial de Orden Público",
            "Territorial Public Order Committee",
        ),
        "consejo_seguridad": ("Consejo de Seguridad", "Security Council"),
        "otro": ("Otro", "Other"),
    },
    "Body that approved the plan",
)

PROBLEM = Vocabulary(
    "problem",
    Problem,
    {
        "homicidio": ("Homicidio", "Homicide"),
        "lesiones_personales": ("Lesiones personales", "Assault (personal injury)"),
        "hurto_personas": ("Hurto a personas", "Robbery of persons"),
        "hurto_comercio": ("Hurto a comercio", "Robbery of businesses"),
        "extorsion": ("Extorsión", "Extortion"),
        "violencia_intrafamiliar": ("Violencia intrafamiliar", "Domestic violence"),
        "violencia_sexual": ("Violencia sexual", "Sexual violence"),
        "reclutamiento_forzado": ("Reclutamiento forzado", "Forced recruitment"),
        "amenazas_lideres_sociales": ("Amenazas a líderes sociales", "Threats to social leaders"),
        "microtrafico": ("Microtráfico", "Retail drug trafficking"),
        "desplazamiento_forzado": ("Desplazamiento forzado", "Forced displacement"),
        "minas_antipersonal": ("Minas antipersonal", "Antipersonnel mines"),
        "conflictividad_convivencia": ("Conflictividad y convivencia", "Coexistence conflicts"),
        "otro": ("Otro", "Other"),
    },
    "Security and coexistence problems of a diagnosis",
)

BASELINE_UNIT = Vocabulary(
    "unit",
    BaselineUnit,
    {
        "tasa_100k": ("Tasa por 100.000 habitantes", "Rate per 100,000 inhabitants"),
        "casos": ("Casos", "Cases"),
    },
    "Unit of a diagnosis baseline value",
)

INSTITUTION = Vocabulary(
    "responsible_institution",
    Institution,
    {
        "alcaldia": ("Alcaldía", "Mayor's office"),
        "gobernacion": ("Gobernación", "Governor's office"),
        "policia_nacional": ("Policía Nacional", "National Police"),
        "fiscalia": ("Fiscalía General de la Nación", "Attorney General's Office"),
        "icbf": ("ICBF", "Colombian Family Welfare Institute (ICBF)"),
        "personeria": ("Personería", "Municipal ombudsman (Personería)"),
        "defensoria": ("Defensoría del Pueblo", "Ombudsman's Office"),
        "ejercito": ("Ejército Nacional", "National Army"),
        "medicina_legal": ("Medicina Legal", "Forensic Medicine Institute"),
        "sociedad_civil": ("Sociedad civil", "Civil society"),
        "otra": ("Otra", "Other"),
    },
    "Institution responsible for an action",
)

FUNDING_SOURCE = Vocabulary(
    "funding_source",
    FundingSource,
    {
        "fonset": ("FONSET", "Territorial Security Fund (FONSET)"),
        "recursos_propios": ("Recursos propios", "Own resources"),
        "sgr": ("Sistema General de Regalías", "General Royalties System (SGR)"),
        "fonsecon": ("FONSECON", "National Security and Coexistence Fund (FONSECON)"),
        "cooperacion_internacional": ("Cooperación internacional", "International cooperation"),
        "otra": ("Otra", "Other"),
    },
    "Funding sources of an action's budget (keys of `budget`)",
)

CHECKLIST_ITEM = Vocabulary(
    "checklist_item",
    ChecklistItem,
    {
        "marco_normativo": ("Marco normativo", "Legal framework"),
        "diagnostico_con_datos": ("Diagnóstico con datos", "Data-based diagnosis"),
        "participacion_ciudadana": ("Participación ciudadana", "Citizen participation"),
        "enfoque_diferencial": ("Enfoque diferencial", "Differential approach"),
        "articulacion_policia": ("Articulación con la Policía", "Coordination with the Police"),
        "lineas_alineadas_politica_nacional": (
            "Líneas alineadas con la política nacional",
            "Lines aligned with national policy",
        ),
        "indicadores_con_linea_base_y_meta": (
            "Indicadores con línea base y meta",
            "Indicators with baseline and target",
        ),
        "presupuesto_con_fuentes": ("Presupuesto con fuentes", "Budget with funding sources"),
        "mecanismo_seguimiento": ("Mecanismo de seguimiento", "Monitoring mechanism"),
    },
    "Items of the technical review checklist",
)

RATING = Vocabulary(
    "rating",
    Rating,
    {
        "cumple": ("Cumple", "Meets"),
        "cumple_parcialmente": ("Cumple parcialmente", "Partially meets"),
        "no_cumple": ("No cumple", "Does not meet"),
    },
    "Rating of a checklist item (cumple = 1, parcial = 0.5, no cumple = 0)",
)

APPROACH = Vocabulary(
    "approach",
    Approach,
    {
        "situacional": ("Prevención situacional", "Situational prevention"),
        "social": ("Prevención social", "Social prevention"),
        "comunitaria": ("Prevención comunitaria", "Community prevention"),
        "policia_relacional": ("Policía relacional", "Relational policing"),
        "institucional": ("Fortalecimiento institucional", "Institutional strengthening"),
    },
    "Approach of a prevention strategy",
)

TARGET_POPULATION = Vocabulary(
    "target_population",
    TargetPopulation,
    {
        "jovenes": ("Jóvenes", "Youth"),
        "mujeres": ("Mujeres", "Women"),
        "ninez": ("Niñez", "Children"),
        "lideres_sociales": ("Líderes sociales", "Social leaders"),
        "comunidad_general": ("Comunidad en general", "General community"),
        "otra": ("Otra", "Other"),
    },
    "Population a prevention strategy targets",
)

STRATEGY_STATUS = Vocabulary(
    "strategy_status",
    StrategyStatus,
    {
        "designed": ("Diseñada", "Designed"),
        "implementing": ("En implementación", "Implementing"),
        "implemented": ("Implementada", "Implemented"),
        "evaluated": ("Evaluada", "Evaluated"),
        "discontinued": ("Descontinuada", "Discontinued"),
    },
    "Lifecycle of a prevention strategy",
)

ALL = [
    PLAN_STATUS,
    APPROVING_BODY,
    PROBLEM,
    BASELINE_UNIT,
    INSTITUTION,
    FUNDING_SOURCE,
    CHECKLIST_ITEM,
    RATING,
    APPROACH,
    TARGET_POPULATION,
    STRATEGY_STATUS,
]
