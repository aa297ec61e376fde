"""Contains all the data models used in inputs/outputs"""

from .action_permission import ActionPermission
from .alert import Alert
from .alert_error_budget_impact import AlertErrorBudgetImpact
from .alert_error_budget_impact_slo_source import AlertErrorBudgetImpactSloSource
from .alert_incident_request import AlertIncidentRequest
from .alert_ingest_key import AlertIngestKey
from .alert_ingest_key_create import AlertIngestKeyCreate
from .alert_ingest_key_list import AlertIngestKeyList
from .alert_ingest_key_status import AlertIngestKeyStatus
from .alert_ingest_key_with_token import AlertIngestKeyWithToken
from .alert_ingest_result import AlertIngestResult
from .alert_list import AlertList
from .alert_quality_type_0 import AlertQualityType0
from .alert_severity import AlertSeverity
from .alert_silence_request import AlertSilenceRequest
from .alert_status import AlertStatus
from .alertmanager_alert import AlertmanagerAlert
from .alertmanager_alert_status import AlertmanagerAlertStatus
from .alertmanager_labels import AlertmanagerLabels
from .alertmanager_webhook import AlertmanagerWebhook
from .alertmanager_webhook_status import AlertmanagerWebhookStatus
from .alertmanager_webhook_version import AlertmanagerWebhookVersion
from .audit_checkpoint_type_0 import AuditCheckpointType0
from .audit_event import AuditEvent
from .audit_event_actor_kind import AuditEventActorKind
from .audit_event_details import AuditEventDetails
from .audit_event_list import AuditEventList
from .audit_export_request import AuditExportRequest
from .audit_export_request_format import AuditExportRequestFormat
from .audit_outcome import AuditOutcome
from .audit_problem import AuditProblem
from .audit_problem_reason import AuditProblemReason
from .audit_verification import AuditVerification
from .audit_verification_reason_type_1 import AuditVerificationReasonType1
from .audit_verification_reason_type_2_type_1 import AuditVerificationReasonType2Type1
from .audit_verification_reason_type_3_type_1 import AuditVerificationReasonType3Type1
from .deployment import Deployment
from .deployment_create import DeploymentCreate
from .deployment_evidence_pack import DeploymentEvidencePack
from .deployment_list import DeploymentList
from .deployment_rollback_candidates import DeploymentRollbackCandidates
from .deployment_stage import DeploymentStage
from .deployment_stage_name import DeploymentStageName
from .deployment_stage_update import DeploymentStageUpdate
from .deployment_stage_update_state import DeploymentStageUpdateState
from .deployment_state import DeploymentState
from .entity_inspection import EntityInspection
from .evaluate_tenant_flag_environment import EvaluateTenantFlagEnvironment
from .evidence_item_info import EvidenceItemInfo
from .evidence_lineage import EvidenceLineage
from .evidence_lineage_records_item import EvidenceLineageRecordsItem
from .evidence_lineage_spec import EvidenceLineageSpec
from .evidence_pack import EvidencePack
from .evidence_pack_list import EvidencePackList
from .field_problem import FieldProblem
from .get_service_dependencies_direction import GetServiceDependenciesDirection
from .graph_change import GraphChange
from .graph_change_details import GraphChangeDetails
from .graph_change_list import GraphChangeList
from .graph_edge import GraphEdge
from .graph_edge_attributes import GraphEdgeAttributes
from .graph_entity import GraphEntity
from .graph_entity_attributes import GraphEntityAttributes
from .graph_neighbourhood import GraphNeighbourhood
from .graph_paths import GraphPaths
from .health import Health
from .health_status import HealthStatus
from .incident import Incident
from .incident_checklist_item import IncidentChecklistItem
from .incident_checklist_item_create import IncidentChecklistItemCreate
from .incident_create import IncidentCreate
from .incident_dashboard import IncidentDashboard
from .incident_dashboard_create import IncidentDashboardCreate
from .incident_list import IncidentList
from .incident_responder import IncidentResponder
from .incident_responder_create import IncidentResponderCreate
from .incident_responder_role import IncidentResponderRole
from .incident_severity import IncidentSeverity
from .incident_status import IncidentStatus
from .incident_task import IncidentTask
from .incident_task_create import IncidentTaskCreate
from .incident_timeline_entry import IncidentTimelineEntry
from .incident_timeline_entry_create import IncidentTimelineEntryCreate
from .incident_timeline_entry_create_kind import IncidentTimelineEntryCreateKind
from .incident_timeline_entry_details import IncidentTimelineEntryDetails
from .incident_timeline_entry_kind import IncidentTimelineEntryKind
from .incident_update import IncidentUpdate
from .inspect_action import InspectAction
from .inspect_link import InspectLink
from .inspect_neighbours import InspectNeighbours
from .inspect_window import InspectWindow
from .job import Job
from .job_error import JobError
from .job_list import JobList
from .job_progress import JobProgress
from .job_result_type_0 import JobResultType0
from .job_state import JobState
from .labels import Labels
from .list_policy_decisions_outcome import ListPolicyDecisionsOutcome
from .list_rollback_candidates_environment import ListRollbackCandidatesEnvironment
from .list_signing_keys_use import ListSigningKeysUse
from .maestro_account_lock_call import MaestroAccountLockCall
from .maestro_account_lock_call_action import MaestroAccountLockCallAction
from .maestro_account_lock_params import MaestroAccountLockParams
from .maestro_account_lock_step import MaestroAccountLockStep
from .maestro_account_lock_step_action import MaestroAccountLockStepAction
from .maestro_checklist_item import MaestroChecklistItem
from .maestro_credential_rotate_call import MaestroCredentialRotateCall
from .maestro_credential_rotate_call_action import MaestroCredentialRotateCallAction
from .maestro_credential_rotate_params import MaestroCredentialRotateParams
from .maestro_credential_rotate_step import MaestroCredentialRotateStep
from .maestro_credential_rotate_step_action import MaestroCredentialRotateStepAction
from .maestro_deployment_rollback_call import MaestroDeploymentRollbackCall
from .maestro_deployment_rollback_call_action import MaestroDeploymentRollbackCallAction
from .maestro_deployment_rollback_params import MaestroDeploymentRollbackParams
from .maestro_deployment_rollback_step import MaestroDeploymentRollbackStep
from .maestro_deployment_rollback_step_action import MaestroDeploymentRollbackStepAction
from .maestro_dry_run import MaestroDryRun
from .maestro_environment import MaestroEnvironment
from .maestro_flag_toggle_call import MaestroFlagToggleCall
from .maestro_flag_toggle_call_action import MaestroFlagToggleCallAction
from .maestro_flag_toggle_params import MaestroFlagToggleParams
from .maestro_flag_toggle_step import MaestroFlagToggleStep
from .maestro_flag_toggle_step_action import MaestroFlagToggleStepAction
from .maestro_incident_task_call import MaestroIncidentTaskCall
from .maestro_incident_task_call_action import MaestroIncidentTaskCallAction
from .maestro_incident_task_params import MaestroIncidentTaskParams
from .maestro_incident_task_step import MaestroIncidentTaskStep
from .maestro_incident_task_step_action import MaestroIncidentTaskStepAction
from .maestro_plan import MaestroPlan
from .maestro_plan_create import MaestroPlanCreate
from .maestro_plan_list import MaestroPlanList
from .maestro_plan_update import MaestroPlanUpdate
from .maestro_retry_policy import MaestroRetryPolicy
from .maestro_risk import MaestroRisk
from .maestro_run import MaestroRun
from .maestro_run_event import MaestroRunEvent
from .maestro_run_event_data import MaestroRunEventData
from .maestro_run_inputs import MaestroRunInputs
from .maestro_run_list import MaestroRunList
from .maestro_run_progress import MaestroRunProgress
from .maestro_run_request import MaestroRunRequest
from .maestro_run_request_inputs import MaestroRunRequestInputs
from .maestro_run_state import MaestroRunState
from .maestro_run_step import MaestroRunStep
from .maestro_run_step_compensation_state_type_1 import MaestroRunStepCompensationStateType1
from .maestro_run_step_compensation_state_type_2_type_1 import MaestroRunStepCompensationStateType2Type1
from .maestro_run_step_compensation_state_type_3_type_1 import MaestroRunStepCompensationStateType3Type1
from .maestro_run_step_output_type_0 import MaestroRunStepOutputType0
from .maestro_run_step_state import MaestroRunStepState
from .maestro_service_restart_call import MaestroServiceRestartCall
from .maestro_service_restart_call_action import MaestroServiceRestartCallAction
from .maestro_service_restart_params import MaestroServiceRestartParams
from .maestro_service_restart_step import MaestroServiceRestartStep
from .maestro_service_restart_step_action import MaestroServiceRestartStepAction
from .maestro_service_scale_call import MaestroServiceScaleCall
from .maestro_service_scale_call_action import MaestroServiceScaleCallAction
from .maestro_service_scale_params import MaestroServiceScaleParams
from .maestro_service_scale_step import MaestroServiceScaleStep
from .maestro_service_scale_step_action import MaestroServiceScaleStepAction
from .maestro_service_verification import MaestroServiceVerification
from .maestro_service_verification_burn_down_item import MaestroServiceVerificationBurnDownItem
from .maestro_service_verification_error_budget import MaestroServiceVerificationErrorBudget
from .maestro_service_verification_objective_source import MaestroServiceVerificationObjectiveSource
from .maestro_service_verification_state import MaestroServiceVerificationState
from .maestro_service_verification_verdict_type_1 import MaestroServiceVerificationVerdictType1
from .maestro_service_verification_verdict_type_2_type_1 import MaestroServiceVerificationVerdictType2Type1
from .maestro_service_verification_verdict_type_3_type_1 import MaestroServiceVerificationVerdictType3Type1
from .maestro_sli_side import MaestroSliSide
from .maestro_step_error import MaestroStepError
from .maestro_step_impact import MaestroStepImpact
from .maestro_verification import MaestroVerification
from .maestro_verification_checklist import MaestroVerificationChecklist
from .maestro_verification_checklist_source import MaestroVerificationChecklistSource
from .maestro_verification_state import MaestroVerificationState
from .maestro_verification_window import MaestroVerificationWindow
from .maestro_wait_params import MaestroWaitParams
from .maestro_wait_step import MaestroWaitStep
from .maestro_wait_step_action import MaestroWaitStepAction
from .me import Me
from .me_kind import MeKind
from .permission_set import PermissionSet
from .policy import Policy
from .policy_catalog import PolicyCatalog
from .policy_decision import PolicyDecision
from .policy_decision_flip import PolicyDecisionFlip
from .policy_decision_flip_after import PolicyDecisionFlipAfter
from .policy_decision_flip_before import PolicyDecisionFlipBefore
from .policy_decision_list import PolicyDecisionList
from .policy_decision_outcome import PolicyDecisionOutcome
from .policy_edit_result import PolicyEditResult
from .policy_effect import PolicyEffect
from .policy_exception import PolicyException
from .policy_exception_create import PolicyExceptionCreate
from .policy_exception_list import PolicyExceptionList
from .policy_exception_scope import PolicyExceptionScope
from .policy_exception_status import PolicyExceptionStatus
from .policy_rule import PolicyRule
from .policy_rule_effect import PolicyRuleEffect
from .policy_rule_roles_item import PolicyRuleRolesItem
from .policy_rule_type_0 import PolicyRuleType0
from .policy_rule_type_0_effect import PolicyRuleType0Effect
from .policy_source import PolicySource
from .policy_status import PolicyStatus
from .policy_widening import PolicyWidening
from .problem import Problem
from .readiness import Readiness
from .readiness_checks_item import ReadinessChecksItem
from .readiness_status import ReadinessStatus
from .residency import Residency
from .search_match import SearchMatch
from .search_result import SearchResult
from .search_result_attributes import SearchResultAttributes
from .search_results import SearchResults
from .service import Service
from .service_create import ServiceCreate
from .service_create_labels import ServiceCreateLabels
from .service_data_location import ServiceDataLocation
from .service_dependency_graph import ServiceDependencyGraph
from .service_dependency_graph_direction import ServiceDependencyGraphDirection
from .service_environment import ServiceEnvironment
from .service_labels import ServiceLabels
from .service_link import ServiceLink
from .service_link_kind import ServiceLinkKind
from .service_links import ServiceLinks
from .service_list import ServiceList
from .service_map import ServiceMap
from .service_map_edge import ServiceMapEdge
from .service_map_edge_relation import ServiceMapEdgeRelation
from .service_map_node import ServiceMapNode
from .service_owner import ServiceOwner
from .service_runbook import ServiceRunbook
from .service_slo_spec_type_0 import ServiceSloSpecType0
from .service_slo_summary import ServiceSloSummary
from .service_slo_summary_source import ServiceSloSummarySource
from .service_slo_summary_state import ServiceSloSummaryState
from .service_tier import ServiceTier
from .service_update import ServiceUpdate
from .service_update_labels import ServiceUpdateLabels
from .signing_key import SigningKey
from .signing_key_alg import SigningKeyAlg
from .signing_key_crv import SigningKeyCrv
from .signing_key_kty import SigningKeyKty
from .signing_key_set import SigningKeySet
from .signing_key_use import SigningKeyUse
from .sli_sample import SliSample
from .sli_sample_batch import SliSampleBatch
from .sli_sample_batch_result import SliSampleBatchResult
from .sli_sample_list import SliSampleList
from .slo_analysis import SloAnalysis
from .slo_analysis_backtest import SloAnalysisBacktest
from .slo_analysis_backtest_compared_rule_type_0 import SloAnalysisBacktestComparedRuleType0
from .slo_analysis_burn_rates_item import SloAnalysisBurnRatesItem
from .slo_analysis_burn_rates_item_window import SloAnalysisBurnRatesItemWindow
from .slo_analysis_objective import SloAnalysisObjective
from .slo_analysis_objective_source import SloAnalysisObjectiveSource
from .slo_analysis_period import SloAnalysisPeriod
from .slo_analysis_policy_item import SloAnalysisPolicyItem
from .slo_analysis_policy_item_action import SloAnalysisPolicyItemAction
from .slo_analysis_policy_item_name import SloAnalysisPolicyItemName
from .slo_analysis_regressions_item import SloAnalysisRegressionsItem
from .slo_analysis_significant_burns_item import SloAnalysisSignificantBurnsItem
from .slo_analysis_state import SloAnalysisState
from .tenant import Tenant
from .tenant_admin_action import TenantAdminAction
from .tenant_admin_action_list import TenantAdminActionList
from .tenant_config_data_store import TenantConfigDataStore
from .tenant_config_data_store_kind import TenantConfigDataStoreKind
from .tenant_config_diff import TenantConfigDiff
from .tenant_config_document import TenantConfigDocument
from .tenant_config_observability import TenantConfigObservability
from .tenant_config_patch_operation import TenantConfigPatchOperation
from .tenant_config_patch_operation_op import TenantConfigPatchOperationOp
from .tenant_config_put import TenantConfigPut
from .tenant_config_version import TenantConfigVersion
from .tenant_config_version_document import TenantConfigVersionDocument
from .tenant_config_version_list import TenantConfigVersionList
from .tenant_config_version_summary import TenantConfigVersionSummary
from .tenant_create import TenantCreate
from .tenant_flag import TenantFlag
from .tenant_flag_create import TenantFlagCreate
from .tenant_flag_create_variants import TenantFlagCreateVariants
from .tenant_flag_evaluation import TenantFlagEvaluation
from .tenant_flag_evaluation_reason import TenantFlagEvaluationReason
from .tenant_flag_list import TenantFlagList
from .tenant_flag_override_type_0 import TenantFlagOverrideType0
from .tenant_flag_rule import TenantFlagRule
from .tenant_flag_update import TenantFlagUpdate
from .tenant_flag_update_variants import TenantFlagUpdateVariants
from .tenant_flag_variants import TenantFlagVariants
from .tenant_list import TenantList
from .tenant_membership import TenantMembership
from .tenant_membership_roles_item import TenantMembershipRolesItem
from .tenant_residency_item import TenantResidencyItem
from .tenant_residency_item_source import TenantResidencyItemSource
from .tenant_residency_posture import TenantResidencyPosture
from .tenant_residency_violation import TenantResidencyViolation
from .tenant_status import TenantStatus
from .tenant_tier import TenantTier
from .tenant_update import TenantUpdate

__all__ = (
    "ActionPermission",
    "Alert",
    "AlertErrorBudgetImpact",
    "AlertErrorBudgetImpactSloSource",
    "AlertIncidentRequest",
    "AlertIngestKey",
    "AlertIngestKeyCreate",
    "AlertIngestKeyList",
    "AlertIngestKeyStatus",
    "AlertIngestKeyWithToken",
    "AlertIngestResult",
    "AlertList",
    "AlertQualityType0",
    "AlertSeverity",
    "AlertSilenceRequest",
    "AlertStatus",
    "AlertmanagerAlert",
    "AlertmanagerAlertStatus",
    "AlertmanagerLabels",
    "AlertmanagerWebhook",
    "AlertmanagerWebhookStatus",
    "AlertmanagerWebhookVersion",
    "AuditCheckpointType0",
    "AuditEvent",
    "AuditEventActorKind",
    "AuditEventDetails",
    "AuditEventList",
    "AuditExportRequest",
    "AuditExportRequestFormat",
    "AuditOutcome",
    "AuditProblem",
    "AuditProblemReason",
    "AuditVerification",
    "AuditVerificationReasonType1",
    "AuditVerificationReasonType2Type1",
    "AuditVerificationReasonType3Type1",
    "Deployment",
    "DeploymentCreate",
    "DeploymentEvidencePack",
    "DeploymentList",
    "DeploymentRollbackCandidates",
    "DeploymentStage",
    "DeploymentStageName",
    "DeploymentStageUpdate",
    "DeploymentStageUpdateState",
    "DeploymentState",
    "EntityInspection",
    "EvaluateTenantFlagEnvironment",
    "EvidenceItemInfo",
    "EvidenceLineage",
    "EvidenceLineageRecordsItem",
    "EvidenceLineageSpec",
    "EvidencePack",
    "EvidencePackList",
    "FieldProblem",
    "GetServiceDependenciesDirection",
    "GraphChange",
    "GraphChangeDetails",
    "GraphChangeList",
    "GraphEdge",
    "GraphEdgeAttributes",
    "GraphEntity",
    "GraphEntityAttributes",
    "GraphNeighbourhood",
    "GraphPaths",
    "Health",
    "HealthStatus",
    "Incident",
    "IncidentChecklistItem",
    "IncidentChecklistItemCreate",
    "IncidentCreate",
    "IncidentDashboard",
    "IncidentDashboardCreate",
    "IncidentList",
    "IncidentResponder",
    "IncidentResponderCreate",
    "IncidentResponderRole",
    "IncidentSeverity",
    "IncidentStatus",
    "IncidentTask",
    "IncidentTaskCreate",
    "IncidentTimelineEntry",
    "IncidentTimelineEntryCreate",
    "IncidentTimelineEntryCreateKind",
    "IncidentTimelineEntryDetails",
    "IncidentTimelineEntryKind",
    "IncidentUpdate",
    "InspectAction",
    "InspectLink",
    "InspectNeighbours",
    "InspectWindow",
    "Job",
    "JobError",
    "JobList",
    "JobProgress",
    "JobResultType0",
    "JobState",
    "Labels",
    "ListPolicyDecisionsOutcome",
    "ListRollbackCandidatesEnvironment",
    "ListSigningKeysUse",
    "MaestroAccountLockCall",
    "MaestroAccountLockCallAction",
    "MaestroAccountLockParams",
    "MaestroAccountLockStep",
    "MaestroAccountLockStepAction",
    "MaestroChecklistItem",
    "MaestroCredentialRotateCall",
    "MaestroCredentialRotateCallAction",
    "MaestroCredentialRotateParams",
    "MaestroCredentialRotateStep",
    "MaestroCredentialRotateStepAction",
    "MaestroDeploymentRollbackCall",
    "MaestroDeploymentRollbackCallAction",
    "MaestroDeploymentRollbackParams",
    "MaestroDeploymentRollbackStep",
    "MaestroDeploymentRollbackStepAction",
    "MaestroDryRun",
    "MaestroEnvironment",
    "MaestroFlagToggleCall",
    "MaestroFlagToggleCallAction",
    "MaestroFlagToggleParams",
    "MaestroFlagToggleStep",
    "MaestroFlagToggleStepAction",
    "MaestroIncidentTaskCall",
    "MaestroIncidentTaskCallAction",
    "MaestroIncidentTaskParams",
    "MaestroIncidentTaskStep",
    "MaestroIncidentTaskStepAction",
    "MaestroPlan",
    "MaestroPlanCreate",
    "MaestroPlanList",
    "MaestroPlanUpdate",
    "MaestroRetryPolicy",
    "MaestroRisk",
    "MaestroRun",
    "MaestroRunEvent",
    "MaestroRunEventData",
    "MaestroRunInputs",
    "MaestroRunList",
    "MaestroRunProgress",
    "MaestroRunRequest",
    "MaestroRunRequestInputs",
    "MaestroRunState",
    "MaestroRunStep",
    "MaestroRunStepCompensationStateType1",
    "MaestroRunStepCompensationStateType2Type1",
    "MaestroRunStepCompensationStateType3Type1",
    "MaestroRunStepOutputType0",
    "MaestroRunStepState",
    "MaestroServiceRestartCall",
    "MaestroServiceRestartCallAction",
    "MaestroServiceRestartParams",
    "MaestroServiceRestartStep",
    "MaestroServiceRestartStepAction",
    "MaestroServiceScaleCall",
    "MaestroServiceScaleCallAction",
    "MaestroServiceScaleParams",
    "MaestroServiceScaleStep",
    "MaestroServiceScaleStepAction",
    "MaestroServiceVerification",
    "MaestroServiceVerificationBurnDownItem",
    "MaestroServiceVerificationErrorBudget",
    "MaestroServiceVerificationObjectiveSource",
    "MaestroServiceVerificationState",
    "MaestroServiceVerificationVerdictType1",
    "MaestroServiceVerificationVerdictType2Type1",
    "MaestroServiceVerificationVerdictType3Type1",
    "MaestroSliSide",
    "MaestroStepError",
    "MaestroStepImpact",
    "MaestroVerification",
    "MaestroVerificationChecklist",
    "MaestroVerificationChecklistSource",
    "MaestroVerificationState",
    "MaestroVerificationWindow",
    "MaestroWaitParams",
    "MaestroWaitStep",
    "MaestroWaitStepAction",
    "Me",
    "MeKind",
    "PermissionSet",
    "Policy",
    "PolicyCatalog",
    "PolicyDecision",
    "PolicyDecisionFlip",
    "PolicyDecisionFlipAfter",
    "PolicyDecisionFlipBefore",
    "PolicyDecisionList",
    "PolicyDecisionOutcome",
    "PolicyEditResult",
    "PolicyEffect",
    "PolicyException",
    "PolicyExceptionCreate",
    "PolicyExceptionList",
    "PolicyExceptionScope",
    "PolicyExceptionStatus",
    "PolicyRule",
    "PolicyRuleEffect",
    "PolicyRuleRolesItem",
    "PolicyRuleType0",
    "PolicyRuleType0Effect",
    "PolicySource",
    "PolicyStatus",
    "PolicyWidening",
    "Problem",
    "Readiness",
    "ReadinessChecksItem",
    "ReadinessStatus",
    "Residency",
    "SearchMatch",
    "SearchResult",
    "SearchResultAttributes",
    "SearchResults",
    "Service",
    "ServiceCreate",
    "ServiceCreateLabels",
    "ServiceDataLocation",
    "ServiceDependencyGraph",
    "ServiceDependencyGraphDirection",
    "ServiceEnvironment",
    "ServiceLabels",
    "ServiceLink",
    "ServiceLinkKind",
    "ServiceLinks",
    "ServiceList",
    "ServiceMap",
    "ServiceMapEdge",
    "ServiceMapEdgeRelation",
    "ServiceMapNode",
    "ServiceOwner",
    "ServiceRunbook",
    "ServiceSloSpecType0",
    "ServiceSloSummary",
    "ServiceSloSummarySource",
    "ServiceSloSummaryState",
    "ServiceTier",
    "ServiceUpdate",
    "ServiceUpdateLabels",
    "SigningKey",
    "SigningKeyAlg",
    "SigningKeyCrv",
    "SigningKeyKty",
    "SigningKeySet",
    "SigningKeyUse",
    "SliSample",
    "SliSampleBatch",
    "SliSampleBatchResult",
    "SliSampleList",
    "SloAnalysis",
    "SloAnalysisBacktest",
    "SloAnalysisBacktestComparedRuleType0",
    "SloAnalysisBurnRatesItem",
    "SloAnalysisBurnRatesItemWindow",
    "SloAnalysisObjective",
    "SloAnalysisObjectiveSource",
    "SloAnalysisPeriod",
    "SloAnalysisPolicyItem",
    "SloAnalysisPolicyItemAction",
    "SloAnalysisPolicyItemName",
    "SloAnalysisRegressionsItem",
    "SloAnalysisSignificantBurnsItem",
    "SloAnalysisState",
    "Tenant",
    "TenantAdminAction",
    "TenantAdminActionList",
    "TenantConfigDataStore",
    "TenantConfigDataStoreKind",
    "TenantConfigDiff",
    "TenantConfigDocument",
    "TenantConfigObservability",
    "TenantConfigPatchOperation",
    "TenantConfigPatchOperationOp",
    "TenantConfigPut",
    "TenantConfigVersion",
    "TenantConfigVersionDocument",
    "TenantConfigVersionList",
    "TenantConfigVersionSummary",
    "TenantCreate",
    "TenantFlag",
    "TenantFlagCreate",
    "TenantFlagCreateVariants",
    "TenantFlagEvaluation",
    "TenantFlagEvaluationReason",
    "TenantFlagList",
    "TenantFlagOverrideType0",
    "TenantFlagRule",
    "TenantFlagUpdate",
    "TenantFlagUpdateVariants",
    "TenantFlagVariants",
    "TenantList",
    "TenantMembership",
    "TenantMembershipRolesItem",
    "TenantResidencyItem",
    "TenantResidencyItemSource",
    "TenantResidencyPosture",
    "TenantResidencyViolation",
    "TenantStatus",
    "TenantTier",
    "TenantUpdate",
)
