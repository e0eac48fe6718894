"""Contains all the data models used in inputs/outputs"""

from .action_create import ActionCreate
from .action_create_budget import ActionCreateBudget
from .action_execution import ActionExecution
from .action_list import ActionList
from .action_read import ActionRead
from .action_read_budget import ActionReadBudget
from .action_status import ActionStatus
from .action_update import ActionUpdate
from .action_update_budget import ActionUpdateBudget
from .age_group import AgeGroup
from .approach import Approach
from .approving_body import ApprovingBody
from .area_score import AreaScore
from .area_score_read import AreaScoreRead
from .area_stats import AreaStats
from .area_stats_communities_by_type import AreaStatsCommunitiesByType
from .area_stats_events_by_status import AreaStatsEventsByStatus
from .area_stats_held_by_type import AreaStatsHeldByType
from .assessment_create import AssessmentCreate
from .assessment_create_scores import AssessmentCreateScores
from .assessment_figures import AssessmentFigures
from .assessment_kind import AssessmentKind
from .assessment_page import AssessmentPage
from .assessment_read import AssessmentRead
from .assessment_read_domain_scores import AssessmentReadDomainScores
from .assessment_read_scores import AssessmentReadScores
from .assessment_status import AssessmentStatus
from .assessment_transition import AssessmentTransition
from .assessment_update import AssessmentUpdate
from .assessment_update_scores import AssessmentUpdateScores
from .attempt_read import AttemptRead
from .attendee_create import AttendeeCreate
from .attendee_page import AttendeePage
from .attendee_read import AttendeeRead
from .attendee_update import AttendeeUpdate
from .baseline_unit import BaselineUnit
from .beneficiaries import Beneficiaries
from .beneficiaries_by_age_group_type_0 import BeneficiariesByAgeGroupType0
from .beneficiaries_by_ethnicity_type_0 import BeneficiariesByEthnicityType0
from .beneficiaries_by_sex_type_0 import BeneficiariesBySexType0
from .beneficiaries_read import BeneficiariesRead
from .beneficiaries_read_by_age_group import BeneficiariesReadByAgeGroup
from .beneficiaries_read_by_ethnicity import BeneficiariesReadByEthnicity
from .beneficiaries_read_by_sex import BeneficiariesReadBySex
from .budget_stats import BudgetStats
from .budget_stats_planned_by_source import BudgetStatsPlannedBySource
from .change_page import ChangePage
from .change_read import ChangeRead
from .checklist_entry import ChecklistEntry
from .checklist_entry_read import ChecklistEntryRead
from .checklist_item import ChecklistItem
from .commitment_create import CommitmentCreate
from .commitment_page import CommitmentPage
from .commitment_read import CommitmentRead
from .commitment_stats import CommitmentStats
from .commitment_stats_by_status import CommitmentStatsByStatus
from .commitment_status import CommitmentStatus
from .commitment_transition import CommitmentTransition
from .commitment_update import CommitmentUpdate
from .community_initiative_create import CommunityInitiativeCreate
from .community_initiative_page import CommunityInitiativePage
from .community_initiative_read import CommunityInitiativeRead
from .community_initiative_update import CommunityInitiativeUpdate
from .current_plan import CurrentPlan
from .delivery_page import DeliveryPage
from .delivery_read import DeliveryRead
from .delivery_read_payload import DeliveryReadPayload
from .delivery_status import DeliveryStatus
from .department_list import DepartmentList
from .department_read import DepartmentRead
from .disaggregation_cell import DisaggregationCell
from .document_type import DocumentType
from .erasure_request import ErasureRequest
from .erasure_request_document_type import ErasureRequestDocumentType
from .erasure_result import ErasureResult
from .ethnic_focus import EthnicFocus
from .ethnicity import Ethnicity
from .event_create import EventCreate
from .event_page import EventPage
from .event_read import EventRead
from .event_stats import EventStats
from .event_stats_by_municipality import EventStatsByMunicipality
from .event_stats_communities_by_type import EventStatsCommunitiesByType
from .event_stats_events_by_status import EventStatsEventsByStatus
from .event_stats_filters import EventStatsFilters
from .event_stats_held_by_type import EventStatsHeldByType
from .event_status import EventStatus
from .event_transition import EventTransition
from .event_type import EventType
from .event_update import EventUpdate
from .exported_event import ExportedEvent
from .exported_record import ExportedRecord
from .field_error import FieldError
from .figures import Figures
from .fiscal_year_target_put import FiscalYearTargetPut
from .focus_area import FocusArea
from .funding_source import FundingSource
from .indicator import Indicator
from .indicator_create import IndicatorCreate
from .indicator_create_direction import IndicatorCreateDirection
from .indicator_create_disaggregations_item import IndicatorCreateDisaggregationsItem
from .indicator_create_frequency import IndicatorCreateFrequency
from .indicator_list import IndicatorList
from .indicator_read import IndicatorRead
from .initiative_figures import InitiativeFigures
from .initiative_figures_by_methodology import InitiativeFiguresByMethodology
from .initiative_figures_by_methodology_and_status import InitiativeFiguresByMethodologyAndStatus
from .initiative_figures_by_methodology_and_status_additional_property import (
    InitiativeFiguresByMethodologyAndStatusAdditionalProperty,
)
from .initiative_figures_by_status import InitiativeFiguresByStatus
from .initiative_listing import InitiativeListing
from .initiative_status import InitiativeStatus
from .initiative_transition import InitiativeTransition
from .institution import Institution
from .iptt import Iptt
from .iptt_filters import IpttFilters
from .iptt_get_format import IpttGetFormat
from .iptt_problems import IpttProblems
from .iptt_row import IpttRow
from .iptt_row_deviation_type_0 import IpttRowDeviationType0
from .iptt_row_quarters import IpttRowQuarters
from .iptt_row_unit import IpttRowUnit
from .line_create import LineCreate
from .line_execution import LineExecution
from .line_list import LineList
from .line_read import LineRead
from .line_update import LineUpdate
from .line_with_actions import LineWithActions
from .lop_target_put import LopTargetPut
from .measure_list import MeasureList
from .measure_read import MeasureRead
from .measure_read_unit import MeasureReadUnit
from .merged_change import MergedChange
from .merged_change_page import MergedChangePage
from .merged_change_page_problems import MergedChangePageProblems
from .methodology import Methodology
from .municipality_list import MunicipalityList
from .municipality_organizations import MunicipalityOrganizations
from .municipality_overview import MunicipalityOverview
from .municipality_overview_commitments_type_0 import MunicipalityOverviewCommitmentsType0
from .municipality_overview_community_initiatives_type_0 import MunicipalityOverviewCommunityInitiativesType0
from .municipality_overview_events_type_0 import MunicipalityOverviewEventsType0
from .municipality_overview_organizations_type_0 import MunicipalityOverviewOrganizationsType0
from .municipality_overview_prevention_strategies_type_0 import MunicipalityOverviewPreventionStrategiesType0
from .municipality_overview_problems import MunicipalityOverviewProblems
from .municipality_overview_security_plan_type_0 import MunicipalityOverviewSecurityPlanType0
from .municipality_overview_strengthening_plans_type_0 import MunicipalityOverviewStrengtheningPlansType0
from .municipality_plan_counts import MunicipalityPlanCounts
from .municipality_plan_counts_by_status import MunicipalityPlanCountsByStatus
from .municipality_read import MunicipalityRead
from .municipality_security import MunicipalitySecurity
from .municipality_stats import MunicipalityStats
from .municipality_stats_plans_by_status import MunicipalityStatsPlansByStatus
from .municipality_stats_prevention_strategies_by_status import MunicipalityStatsPreventionStrategiesByStatus
from .name import Name
from .name_in import NameIn
from .note_create import NoteCreate
from .note_read import NoteRead
from .opi_area import OpiArea
from .opi_domain import OpiDomain
from .opi_figures import OpiFigures
from .organization_create import OrganizationCreate
from .organization_figures import OrganizationFigures
from .organization_figures_by_ethnic_focus import OrganizationFiguresByEthnicFocus
from .organization_figures_by_type import OrganizationFiguresByType
from .organization_page import OrganizationPage
from .organization_profile import OrganizationProfile
from .organization_profile_assessments_type_0_item import OrganizationProfileAssessmentsType0Item
from .organization_profile_events_type_0_item import OrganizationProfileEventsType0Item
from .organization_profile_organization_type_0 import OrganizationProfileOrganizationType0
from .organization_profile_performance_type_0 import OrganizationProfilePerformanceType0
from .organization_profile_problems import OrganizationProfileProblems
from .organization_profile_strengthening_plans_type_0_item import OrganizationProfileStrengtheningPlansType0Item
from .organization_profile_support_type_0 import OrganizationProfileSupportType0
from .organization_read import OrganizationRead
from .organization_record import OrganizationRecord
from .organization_stats import OrganizationStats
from .organization_stats_by_municipality import OrganizationStatsByMunicipality
from .organization_status import OrganizationStatus
from .organization_type import OrganizationType
from .organization_update import OrganizationUpdate
from .participant_role import ParticipantRole
from .participants_stats import ParticipantsStats
from .participants_stats_by_age_group import ParticipantsStatsByAgeGroup
from .participants_stats_by_ethnicity import ParticipantsStatsByEthnicity
from .participants_stats_by_role import ParticipantsStatsByRole
from .participants_stats_by_sex import ParticipantsStatsBySex
from .participation_read import ParticipationRead
from .participation_read_by_age_group import ParticipationReadByAgeGroup
from .participation_read_by_ethnicity import ParticipationReadByEthnicity
from .participation_read_by_role import ParticipationReadByRole
from .participation_read_by_sex import ParticipationReadBySex
from .participation_write import ParticipationWrite
from .participation_write_by_age_group import ParticipationWriteByAgeGroup
from .participation_write_by_ethnicity import ParticipationWriteByEthnicity
from .participation_write_by_role import ParticipationWriteByRole
from .participation_write_by_sex import ParticipationWriteBySex
from .partner_institution import PartnerInstitution
from .people_reached import PeopleReached
from .people_reached_beneficiaries_type_0 import PeopleReachedBeneficiariesType0
from .people_reached_participants_type_0 import PeopleReachedParticipantsType0
from .performance import Performance
from .performance_change_type_0 import PerformanceChangeType0
from .performance_snapshot import PerformanceSnapshot
from .performance_snapshot_domain_scores import PerformanceSnapshotDomainScores
from .period import Period
from .person_document import PersonDocument
from .person_document_document_type import PersonDocumentDocumentType
from .person_export import PersonExport
from .person_record import PersonRecord
from .person_records import PersonRecords
from .pii_access_page import PiiAccessPage
from .pii_access_read import PiiAccessRead
from .plan_counts import PlanCounts
from .plan_counts_by_status import PlanCountsByStatus
from .plan_counts_by_term import PlanCountsByTerm
from .plan_create import PlanCreate
from .plan_detail import PlanDetail
from .plan_execution import PlanExecution
from .plan_execution_planned_by_source import PlanExecutionPlannedBySource
from .plan_figures import PlanFigures
from .plan_figures_by_status import PlanFiguresByStatus
from .plan_page import PlanPage
from .plan_read import PlanRead
from .plan_score import PlanScore
from .plan_update import PlanUpdate
from .problem import Problem
from .problem_create import ProblemCreate
from .problem_input import ProblemInput
from .problem_list import ProblemList
from .problem_read import ProblemRead
from .problem_update import ProblemUpdate
from .quarter_cell import QuarterCell
from .quarter_cell_status import QuarterCellStatus
from .rating import Rating
from .reopen_request import ReopenRequest
from .report_create import ReportCreate
from .report_list import ReportList
from .report_read import ReportRead
from .report_update import ReportUpdate
from .reporting_indicator import ReportingIndicator
from .reporting_indicator_by_department import ReportingIndicatorByDepartment
from .reporting_indicator_read import ReportingIndicatorRead
from .reporting_indicator_read_direction import ReportingIndicatorReadDirection
from .reporting_indicator_read_unit import ReportingIndicatorReadUnit
from .reporting_indicator_unit import ReportingIndicatorUnit
from .reporting_period_read import ReportingPeriodRead
from .reporting_period_read_figures import ReportingPeriodReadFigures
from .reporting_period_read_narratives import ReportingPeriodReadNarratives
from .reporting_period_read_status import ReportingPeriodReadStatus
from .responsible_kind import ResponsibleKind
from .results_filters import ResultsFilters
from .results_get_format import ResultsGetFormat
from .results_report import ResultsReport
from .results_report_problems import ResultsReportProblems
from .review_create import ReviewCreate
from .review_create_checklist import ReviewCreateChecklist
from .review_page import ReviewPage
from .review_read import ReviewRead
from .review_read_checklist import ReviewReadChecklist
from .review_stats import ReviewStats
from .risk_factor import RiskFactor
from .risk_factor_create import RiskFactorCreate
from .risk_factor_page import RiskFactorPage
from .risk_factor_read import RiskFactorRead
from .secret_rotation import SecretRotation
from .security_plan_stats import SecurityPlanStats
from .security_plan_stats_by_municipality import SecurityPlanStatsByMunicipality
from .security_plan_status import SecurityPlanStatus
from .security_plan_transition import SecurityPlanTransition
from .services_security_plans_vocabularies_problem import ServicesSecurityPlansVocabulariesProblem
from .sex import Sex
from .stats_filters import StatsFilters
from .strategy_create import StrategyCreate
from .strategy_page import StrategyPage
from .strategy_read import StrategyRead
from .strategy_stats import StrategyStats
from .strategy_stats_by_approach import StrategyStatsByApproach
from .strategy_stats_by_status import StrategyStatsByStatus
from .strategy_status import StrategyStatus
from .strategy_transition import StrategyTransition
from .strategy_update import StrategyUpdate
from .strengthening_action_create import StrengtheningActionCreate
from .strengthening_action_page import StrengtheningActionPage
from .strengthening_action_read import StrengtheningActionRead
from .strengthening_action_update import StrengtheningActionUpdate
from .strengthening_plan_create import StrengtheningPlanCreate
from .strengthening_plan_page import StrengtheningPlanPage
from .strengthening_plan_read import StrengtheningPlanRead
from .strengthening_plan_status import StrengtheningPlanStatus
from .strengthening_plan_transition import StrengtheningPlanTransition
from .strengthening_plan_update import StrengtheningPlanUpdate
from .submission import Submission
from .submit_request import SubmitRequest
from .submit_request_narratives import SubmitRequestNarratives
from .submitted_figure import SubmittedFigure
from .submitted_figure_deviation_type_0 import SubmittedFigureDeviationType0
from .subscription_create import SubscriptionCreate
from .subscription_created import SubscriptionCreated
from .subscription_page import SubscriptionPage
from .subscription_read import SubscriptionRead
from .subscription_secret_rotated import SubscriptionSecretRotated
from .subscription_status import SubscriptionStatus
from .subscription_update import SubscriptionUpdate
from .support_activity_create import SupportActivityCreate
from .support_activity_page import SupportActivityPage
from .support_activity_read import SupportActivityRead
from .support_activity_update import SupportActivityUpdate
from .support_figures import SupportFigures
from .support_figures_by_kind import SupportFiguresByKind
from .support_kind import SupportKind
from .support_kind_figures import SupportKindFigures
from .target_change_read import TargetChangeRead
from .target_history import TargetHistory
from .target_list import TargetList
from .target_population import TargetPopulation
from .target_read import TargetRead
from .term import Term
from .territory import Territory
from .trust_measure import TrustMeasure
from .trust_measure_read import TrustMeasureRead
from .trust_stats import TrustStats
from .trust_survey import TrustSurvey
from .trust_survey_read import TrustSurveyRead
from .vocabularies_read import VocabulariesRead
from .vocabularies_read_vocabularies import VocabulariesReadVocabularies
from .vocabulary_read import VocabularyRead

__all__ = (
    "ActionCreate",
    "ActionCreateBudget",
    "ActionExecution",
    "ActionList",
    "ActionRead",
    "ActionReadBudget",
    "ActionStatus",
    "ActionUpdate",
    "ActionUpdateBudget",
    "AgeGroup",
    "Approach",
    "ApprovingBody",
    "AreaScore",
    "AreaScoreRead",
    "AreaStats",
    "AreaStatsCommunitiesByType",
    "AreaStatsEventsByStatus",
    "AreaStatsHeldByType",
    "AssessmentCreate",
    "AssessmentCreateScores",
    "AssessmentFigures",
    "AssessmentKind",
    "AssessmentPage",
    "AssessmentRead",
    "AssessmentReadDomainScores",
    "AssessmentReadScores",
    "AssessmentStatus",
    "AssessmentTransition",
    "AssessmentUpdate",
    "AssessmentUpdateScores",
    "AttemptRead",
    "AttendeeCreate",
    "AttendeePage",
    "AttendeeRead",
    "AttendeeUpdate",
    "BaselineUnit",
    "Beneficiaries",
    "BeneficiariesByAgeGroupType0",
    "BeneficiariesByEthnicityType0",
    "BeneficiariesBySexType0",
    "BeneficiariesRead",
    "BeneficiariesReadByAgeGroup",
    "BeneficiariesReadByEthnicity",
    "BeneficiariesReadBySex",
    "BudgetStats",
    "BudgetStatsPlannedBySource",
    "ChangePage",
    "ChangeRead",
    "ChecklistEntry",
    "ChecklistEntryRead",
    "ChecklistItem",
    "CommitmentCreate",
    "CommitmentPage",
    "CommitmentRead",
    "CommitmentStats",
    "CommitmentStatsByStatus",
    "CommitmentStatus",
    "CommitmentTransition",
    "CommitmentUpdate",
    "CommunityInitiativeCreate",
    "CommunityInitiativePage",
    "CommunityInitiativeRead",
    "CommunityInitiativeUpdate",
    "CurrentPlan",
    "DeliveryPage",
    "DeliveryRead",
    "DeliveryReadPayload",
    "DeliveryStatus",
    "DepartmentList",
    "DepartmentRead",
    "DisaggregationCell",
    "DocumentType",
    "ErasureRequest",
    "ErasureRequestDocumentType",
    "ErasureResult",
    "EthnicFocus",
    "Ethnicity",
    "EventCreate",
    "EventPage",
    "EventRead",
    "EventStats",
    "EventStatsByMunicipality",
    "EventStatsCommunitiesByType",
    "EventStatsEventsByStatus",
    "EventStatsFilters",
    "EventStatsHeldByType",
    "EventStatus",
    "EventTransition",
    "EventType",
    "EventUpdate",
    "ExportedEvent",
    "ExportedRecord",
    "FieldError",
    "Figures",
    "FiscalYearTargetPut",
    "FocusArea",
    "FundingSource",
    "Indicator",
    "IndicatorCreate",
    "IndicatorCreateDirection",
    "IndicatorCreateDisaggregationsItem",
    "IndicatorCreateFrequency",
    "IndicatorList",
    "IndicatorRead",
    "InitiativeFigures",
    "InitiativeFiguresByMethodology",
    "InitiativeFiguresByMethodologyAndStatus",
    "InitiativeFiguresByMethodologyAndStatusAdditionalProperty",
    "InitiativeFiguresByStatus",
    "InitiativeListing",
    "InitiativeStatus",
    "InitiativeTransition",
    "Institution",
    "Iptt",
    "IpttFilters",
    "IpttGetFormat",
    "IpttProblems",
    "IpttRow",
    "IpttRowDeviationType0",
    "IpttRowQuarters",
    "IpttRowUnit",
    "LineCreate",
    "LineExecution",
    "LineList",
    "LineRead",
    "LineUpdate",
    "LineWithActions",
    "LopTargetPut",
    "MeasureList",
    "MeasureRead",
    "MeasureReadUnit",
    "MergedChange",
    "MergedChangePage",
    "MergedChangePageProblems",
    "Methodology",
    "MunicipalityList",
    "MunicipalityOrganizations",
    "MunicipalityOverview",
    "MunicipalityOverviewCommitmentsType0",
    "MunicipalityOverviewCommunityInitiativesType0",
    "MunicipalityOverviewEventsType0",
    "MunicipalityOverviewOrganizationsType0",
    "MunicipalityOverviewPreventionStrategiesType0",
    "MunicipalityOverviewProblems",
    "MunicipalityOverviewSecurityPlanType0",
    "MunicipalityOverviewStrengtheningPlansType0",
    "MunicipalityPlanCounts",
    "MunicipalityPlanCountsByStatus",
    "MunicipalityRead",
    "MunicipalitySecurity",
    "MunicipalityStats",
    "MunicipalityStatsPlansByStatus",
    "MunicipalityStatsPreventionStrategiesByStatus",
    "Name",
    "NameIn",
    "NoteCreate",
    "NoteRead",
    "OpiArea",
    "OpiDomain",
    "OpiFigures",
    "OrganizationCreate",
    "OrganizationFigures",
    "OrganizationFiguresByEthnicFocus",
    "OrganizationFiguresByType",
    "OrganizationPage",
    "OrganizationProfile",
    "OrganizationProfileAssessmentsType0Item",
    "OrganizationProfileEventsType0Item",
    "OrganizationProfileOrganizationType0",
    "OrganizationProfilePerformanceType0",
    "OrganizationProfileProblems",
    "OrganizationProfileStrengtheningPlansType0Item",
    "OrganizationProfileSupportType0",
    "OrganizationRead",
    "OrganizationRecord",
    "OrganizationStats",
    "OrganizationStatsByMunicipality",
    "OrganizationStatus",
    "OrganizationType",
    "OrganizationUpdate",
    "ParticipantRole",
    "ParticipantsStats",
    "ParticipantsStatsByAgeGroup",
    "ParticipantsStatsByEthnicity",
    "ParticipantsStatsByRole",
    "ParticipantsStatsBySex",
    "ParticipationRead",
    "ParticipationReadByAgeGroup",
    "ParticipationReadByEthnicity",
    "ParticipationReadByRole",
    "ParticipationReadBySex",
    "ParticipationWrite",
    "ParticipationWriteByAgeGroup",
    "ParticipationWriteByEthnicity",
    "ParticipationWriteByRole",
    "ParticipationWriteBySex",
    "PartnerInstitution",
    "PeopleReached",
    "PeopleReachedBeneficiariesType0",
    "PeopleReachedParticipantsType0",
    "Performance",
    "PerformanceChangeType0",
    "PerformanceSnapshot",
    "PerformanceSnapshotDomainScores",
    "Period",
    "PersonDocument",
    "PersonDocumentDocumentType",
    "PersonExport",
    "PersonRecord",
    "PersonRecords",
    "PiiAccessPage",
    "PiiAccessRead",
    "PlanCounts",
    "PlanCountsByStatus",
    "PlanCountsByTerm",
    "PlanCreate",
    "PlanDetail",
    "PlanExecution",
    "PlanExecutionPlannedBySource",
    "PlanFigures",
    "PlanFiguresByStatus",
    "PlanPage",
    "PlanRead",
    "PlanScore",
    "PlanUpdate",
    "Problem",
    "ProblemCreate",
    "ProblemInput",
    "ProblemList",
    "ProblemRead",
    "ProblemUpdate",
    "QuarterCell",
    "QuarterCellStatus",
    "Rating",
    "ReopenRequest",
    "ReportCreate",
    "ReportingIndicator",
    "ReportingIndicatorByDepartment",
    "ReportingIndicatorRead",
    "ReportingIndicatorReadDirection",
    "ReportingIndicatorReadUnit",
    "ReportingIndicatorUnit",
    "ReportingPeriodRead",
    "ReportingPeriodReadFigures",
    "ReportingPeriodReadNarratives",
    "ReportingPeriodReadStatus",
    "ReportList",
    "ReportRead",
    "ReportUpdate",
    "ResponsibleKind",
    "ResultsFilters",
    "ResultsGetFormat",
    "ResultsReport",
    "ResultsReportProblems",
    "ReviewCreate",
    "ReviewCreateChecklist",
    "ReviewPage",
    "ReviewRead",
    "ReviewReadChecklist",
    "ReviewStats",
    "RiskFactor",
    "RiskFactorCreate",
    "RiskFactorPage",
    "RiskFactorRead",
    "SecretRotation",
    "SecurityPlanStats",
    "SecurityPlanStatsByMunicipality",
    "SecurityPlanStatus",
    "SecurityPlanTransition",
    "ServicesSecurityPlansVocabulariesProblem",
    "Sex",
    "StatsFilters",
    "StrategyCreate",
    "StrategyPage",
    "StrategyRead",
    "StrategyStats",
    "StrategyStatsByApproach",
    "StrategyStatsByStatus",
    "StrategyStatus",
    "StrategyTransition",
    "StrategyUpdate",
    "StrengtheningActionCreate",
    "StrengtheningActionPage",
    "StrengtheningActionRead",
    "StrengtheningActionUpdate",
    "StrengtheningPlanCreate",
    "StrengtheningPlanPage",
    "StrengtheningPlanRead",
    "StrengtheningPlanStatus",
    "StrengtheningPlanTransition",
    "StrengtheningPlanUpdate",
    "Submission",
    "SubmitRequest",
    "SubmitRequestNarratives",
    "SubmittedFigure",
    "SubmittedFigureDeviationType0",
    "SubscriptionCreate",
    "SubscriptionCreated",
    "SubscriptionPage",
    "SubscriptionRead",
    "SubscriptionSecretRotated",
    "SubscriptionStatus",
    "SubscriptionUpdate",
    "SupportActivityCreate",
    "SupportActivityPage",
    "SupportActivityRead",
    "SupportActivityUpdate",
    "SupportFigures",
    "SupportFiguresByKind",
    "SupportKind",
    "SupportKindFigures",
    "TargetChangeRead",
    "TargetHistory",
    "TargetList",
    "TargetPopulation",
    "TargetRead",
    "Term",
    "Territory",
    "TrustMeasure",
    "TrustMeasureRead",
    "TrustStats",
    "TrustSurvey",
    "TrustSurveyRead",
    "VocabulariesRead",
    "VocabulariesReadVocabularies",
    "VocabularyRead",
)
