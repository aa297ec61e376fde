"""Contains all the data models used in inputs/outputs"""

from .action_permission import ActionPermission
from .alert import Alert
from .alert_category import AlertCategory
from .alert_detection_type_0 import AlertDetectionType0
from .alert_error_budget_impact import AlertErrorBudgetImpact
from .alert_error_budget_impact_slo_source import AlertErrorBudgetImpactSloSource
from .alert_history_import_result import AlertHistoryImportResult
from .alert_incident_request import AlertIncidentRequest
from .alert_ingest_key import AlertIngestKey
from .alert_ingest_key_create import AlertIngestKeyCreate
from .alert_ingest_key_list import AlertIngestKeyList
from .alert_ingest_key_status import AlertIngestKeyStatus
from .alert_ingest_key_with_token import AlertIngestKeyWithToken
from .alert_ingest_result import AlertIngestResult
from .alert_list import AlertList
from .alert_occurrence import AlertOccurrence
from .alert_occurrence_list import AlertOccurrenceList
from .alert_occurrence_source import AlertOccurrenceSource
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
from .analytics_cadence import AnalyticsCadence
from .analytics_cadence_every import AnalyticsCadenceEvery
from .analytics_cadence_weekday import AnalyticsCadenceWeekday
from .analytics_event import AnalyticsEvent
from .analytics_event_batch import AnalyticsEventBatch
from .analytics_event_error import AnalyticsEventError
from .analytics_event_error_errors_item import AnalyticsEventErrorErrorsItem
from .analytics_event_kind import AnalyticsEventKind
from .analytics_event_properties import AnalyticsEventProperties
from .analytics_export import AnalyticsExport
from .analytics_export_create import AnalyticsExportCreate
from .analytics_export_create_destination_region import AnalyticsExportCreateDestinationRegion
from .analytics_export_format import AnalyticsExportFormat
from .analytics_export_job_type_0 import AnalyticsExportJobType0
from .analytics_export_list import AnalyticsExportList
from .analytics_export_parameters import AnalyticsExportParameters
from .analytics_export_redactions import AnalyticsExportRedactions
from .analytics_export_report import AnalyticsExportReport
from .analytics_freshness import AnalyticsFreshness
from .analytics_ingest_result import AnalyticsIngestResult
from .analytics_metric_property import AnalyticsMetricProperty
from .analytics_metric_property_pii import AnalyticsMetricPropertyPii
from .analytics_metric_property_type import AnalyticsMetricPropertyType
from .analytics_property import AnalyticsProperty
from .analytics_property_pii import AnalyticsPropertyPii
from .analytics_property_type import AnalyticsPropertyType
from .analytics_query import AnalyticsQuery
from .analytics_query_result import AnalyticsQueryResult
from .analytics_redactions import AnalyticsRedactions
from .analytics_redactions_additional_property import AnalyticsRedactionsAdditionalProperty
from .analytics_report import AnalyticsReport
from .analytics_report_parameters import AnalyticsReportParameters
from .analytics_report_parameters_breakdown import AnalyticsReportParametersBreakdown
from .analytics_report_parameters_by import AnalyticsReportParametersBy
from .analytics_report_parameters_environment import AnalyticsReportParametersEnvironment
from .analytics_report_parameters_mode import AnalyticsReportParametersMode
from .analytics_report_parameters_source import AnalyticsReportParametersSource
from .analytics_report_report import AnalyticsReportReport
from .analytics_report_sampling import AnalyticsReportSampling
from .analytics_report_source import AnalyticsReportSource
from .analytics_schedule import AnalyticsSchedule
from .analytics_schedule_create import AnalyticsScheduleCreate
from .analytics_schedule_create_destination_region import AnalyticsScheduleCreateDestinationRegion
from .analytics_schedule_list import AnalyticsScheduleList
from .analytics_schedule_parameters import AnalyticsScheduleParameters
from .analytics_schedule_redactions import AnalyticsScheduleRedactions
from .analytics_schedule_run import AnalyticsScheduleRun
from .analytics_schedule_update import AnalyticsScheduleUpdate
from .analytics_schedule_update_destination_region import AnalyticsScheduleUpdateDestinationRegion
from .analytics_schema import AnalyticsSchema
from .analytics_schema_create import AnalyticsSchemaCreate
from .analytics_schema_create_category import AnalyticsSchemaCreateCategory
from .analytics_schema_create_properties import AnalyticsSchemaCreateProperties
from .analytics_schema_list import AnalyticsSchemaList
from .analytics_schema_properties import AnalyticsSchemaProperties
from .analytics_sync_result import AnalyticsSyncResult
from .analytics_sync_result_copied import AnalyticsSyncResultCopied
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
from .data_classification import DataClassification
from .dataset import Dataset
from .dataset_create import DatasetCreate
from .dataset_create_residency import DatasetCreateResidency
from .dataset_export import DatasetExport
from .dataset_export_create import DatasetExportCreate
from .dataset_export_create_destination_region import DatasetExportCreateDestinationRegion
from .dataset_export_create_redactions import DatasetExportCreateRedactions
from .dataset_export_create_redactions_additional_property import DatasetExportCreateRedactionsAdditionalProperty
from .dataset_export_job_type_0 import DatasetExportJobType0
from .dataset_export_list import DatasetExportList
from .dataset_export_redactions import DatasetExportRedactions
from .dataset_field import DatasetField
from .dataset_field_type import DatasetFieldType
from .dataset_import import DatasetImport
from .dataset_import_create import DatasetImportCreate
from .dataset_import_create_compression import DatasetImportCreateCompression
from .dataset_import_create_csv import DatasetImportCreateCsv
from .dataset_import_create_csv_encoding import DatasetImportCreateCsvEncoding
from .dataset_import_create_encoding import DatasetImportCreateEncoding
from .dataset_import_create_format import DatasetImportCreateFormat
from .dataset_import_create_manifest import DatasetImportCreateManifest
from .dataset_import_create_manifest_files_item import DatasetImportCreateManifestFilesItem
from .dataset_import_files_item import DatasetImportFilesItem
from .dataset_import_job_type_0 import DatasetImportJobType0
from .dataset_import_list import DatasetImportList
from .dataset_import_options import DatasetImportOptions
from .dataset_import_part import DatasetImportPart
from .dataset_import_preflight_type_0 import DatasetImportPreflightType0
from .dataset_import_problem_type_0 import DatasetImportProblemType0
from .dataset_import_result_type_0 import DatasetImportResultType0
from .dataset_import_state import DatasetImportState
from .dataset_list import DatasetList
from .dataset_sample import DatasetSample
from .dataset_sample_rows_item import DatasetSampleRowsItem
from .dataset_update import DatasetUpdate
from .deployment import Deployment
from .deployment_create import DeploymentCreate
from .deployment_evidence_pack import DeploymentEvidencePack
from .deployment_history_import_result import DeploymentHistoryImportResult
from .deployment_list import DeploymentList
from .deployment_rollback_candidates import DeploymentRollbackCandidates
from .deployment_stage import DeploymentStage
from .deployment_stage_name import DeploymentStageName
from .deployment_stage_update import DeploymentStageUpdate
from .deployment_stage_update_state import DeploymentStageUpdateState
from .deployment_state import DeploymentState
from .detection_rule import DetectionRule
from .detection_rule_input import DetectionRuleInput
from .detection_rule_list import DetectionRuleList
from .detection_rule_test import DetectionRuleTest
from .detection_rule_test_result import DetectionRuleTestResult
from .detection_rule_version import DetectionRuleVersion
from .detection_run_result import DetectionRunResult
from .entity_inspection import EntityInspection
from .evaluate_tenant_flag_environment import EvaluateTenantFlagEnvironment
from .evidence_item_info import EvidenceItemInfo
from .evidence_lineage import EvidenceLineage
from .evidence_lineage_records_item import EvidenceLineageRecordsItem
from .evidence_lineage_spec import EvidenceLineageSpec
from .evidence_pack import EvidencePack
from .evidence_pack_list import EvidencePackList
from .experiment import Experiment
from .experiment_conclude import ExperimentConclude
from .experiment_conclude_outcome import ExperimentConcludeOutcome
from .experiment_create import ExperimentCreate
from .experiment_create_environment import ExperimentCreateEnvironment
from .experiment_list import ExperimentList
from .experiment_outcome_type_1 import ExperimentOutcomeType1
from .experiment_outcome_type_2_type_1 import ExperimentOutcomeType2Type1
from .experiment_outcome_type_3_type_1 import ExperimentOutcomeType3Type1
from .experiment_results import ExperimentResults
from .experiment_results_arms_item import ExperimentResultsArmsItem
from .experiment_results_comparison import ExperimentResultsComparison
from .experiment_results_srm import ExperimentResultsSrm
from .experiment_results_srm_expected import ExperimentResultsSrmExpected
from .experiment_results_srm_observed import ExperimentResultsSrmObserved
from .experiment_status import ExperimentStatus
from .experiment_weights_item import ExperimentWeightsItem
from .exposure_accepted import ExposureAccepted
from .exposure_batch import ExposureBatch
from .exposure_batch_events_item import ExposureBatchEventsItem
from .exposure_batch_events_item_metrics import ExposureBatchEventsItemMetrics
from .feature import Feature
from .feature_create import FeatureCreate
from .feature_evidence import FeatureEvidence
from .feature_evidence_create import FeatureEvidenceCreate
from .feature_evidence_kind import FeatureEvidenceKind
from .feature_kpi import FeatureKpi
from .feature_link import FeatureLink
from .feature_link_kind import FeatureLinkKind
from .feature_list import FeatureList
from .feature_state import FeatureState
from .feature_summary import FeatureSummary
from .feature_summary_states_item import FeatureSummaryStatesItem
from .feature_summary_states_item_features_item import FeatureSummaryStatesItemFeaturesItem
from .feature_transition import FeatureTransition
from .feature_transition_create import FeatureTransitionCreate
from .feature_transition_list import FeatureTransitionList
from .feature_update import FeatureUpdate
from .field_problem import FieldProblem
from .flag_configuration import FlagConfiguration
from .flag_configuration_flags_item import FlagConfigurationFlagsItem
from .flag_configuration_flags_item_override_type_0 import FlagConfigurationFlagsItemOverrideType0
from .flag_configuration_flags_item_rules_item import FlagConfigurationFlagsItemRulesItem
from .flag_configuration_flags_item_variants import FlagConfigurationFlagsItemVariants
from .get_analytics_active_users_client_type import GetAnalyticsActiveUsersClientType
from .get_analytics_active_users_environment import GetAnalyticsActiveUsersEnvironment
from .get_analytics_active_users_role import GetAnalyticsActiveUsersRole
from .get_analytics_active_users_source import GetAnalyticsActiveUsersSource
from .get_analytics_adoption_by import GetAnalyticsAdoptionBy
from .get_analytics_adoption_client_type import GetAnalyticsAdoptionClientType
from .get_analytics_adoption_environment import GetAnalyticsAdoptionEnvironment
from .get_analytics_adoption_role import GetAnalyticsAdoptionRole
from .get_analytics_adoption_source import GetAnalyticsAdoptionSource
from .get_analytics_funnel_client_type import GetAnalyticsFunnelClientType
from .get_analytics_funnel_environment import GetAnalyticsFunnelEnvironment
from .get_analytics_funnel_role import GetAnalyticsFunnelRole
from .get_analytics_retention_breakdown import GetAnalyticsRetentionBreakdown
from .get_analytics_retention_mode import GetAnalyticsRetentionMode
from .get_analytics_retention_source import GetAnalyticsRetentionSource
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
from .guardrail_arm import GuardrailArm
from .guardrail_result import GuardrailResult
from .guardrail_result_status import GuardrailResultStatus
from .health import Health
from .health_report import HealthReport
from .health_report_list import HealthReportList
from .health_report_report import HealthReportReport
from .health_report_request import HealthReportRequest
from .health_report_summary import HealthReportSummary
from .health_report_summary_executive_summary import HealthReportSummaryExecutiveSummary
from .health_status import HealthStatus
from .import_alert_history_format import ImportAlertHistoryFormat
from .import_deployment_history_format import ImportDeploymentHistoryFormat
from .import_incident_history_format import ImportIncidentHistoryFormat
from .import_sli_samples_format import ImportSliSamplesFormat
from .incident import Incident
from .incident_checklist_item import IncidentChecklistItem
from .incident_checklist_item_create import IncidentChecklistItemCreate
from .incident_create import IncidentCreate
from .incident_dashboard import IncidentDashboard
from .incident_dashboard_create import IncidentDashboardCreate
from .incident_history_import_result import IncidentHistoryImportResult
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
from .maestro_service_isolate_call import MaestroServiceIsolateCall
from .maestro_service_isolate_call_action import MaestroServiceIsolateCallAction
from .maestro_service_isolate_params import MaestroServiceIsolateParams
from .maestro_service_isolate_step import MaestroServiceIsolateStep
from .maestro_service_isolate_step_action import MaestroServiceIsolateStepAction
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
from .maestro_tenant_enforce_step_up_call import MaestroTenantEnforceStepUpCall
from .maestro_tenant_enforce_step_up_call_action import MaestroTenantEnforceStepUpCallAction
from .maestro_tenant_enforce_step_up_params import MaestroTenantEnforceStepUpParams
from .maestro_tenant_enforce_step_up_step import MaestroTenantEnforceStepUpStep
from .maestro_tenant_enforce_step_up_step_action import MaestroTenantEnforceStepUpStepAction
from .maestro_tenant_raise_logging_call import MaestroTenantRaiseLoggingCall
from .maestro_tenant_raise_logging_call_action import MaestroTenantRaiseLoggingCallAction
from .maestro_tenant_raise_logging_params import MaestroTenantRaiseLoggingParams
from .maestro_tenant_raise_logging_step import MaestroTenantRaiseLoggingStep
from .maestro_tenant_raise_logging_step_action import MaestroTenantRaiseLoggingStepAction
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
from .ofrep_bulk_evaluation import OfrepBulkEvaluation
from .ofrep_bulk_evaluation_flags_item import OfrepBulkEvaluationFlagsItem
from .ofrep_bulk_failure import OfrepBulkFailure
from .ofrep_bulk_failure_error_code import OfrepBulkFailureErrorCode
from .ofrep_evaluate_flag_environment import OfrepEvaluateFlagEnvironment
from .ofrep_evaluate_flags_environment import OfrepEvaluateFlagsEnvironment
from .ofrep_evaluation_failure import OfrepEvaluationFailure
from .ofrep_evaluation_failure_error_code import OfrepEvaluationFailureErrorCode
from .ofrep_evaluation_request import OfrepEvaluationRequest
from .ofrep_evaluation_success import OfrepEvaluationSuccess
from .ofrep_evaluation_success_reason import OfrepEvaluationSuccessReason
from .ofrep_metadata import OfrepMetadata
from .open_slo_documents import OpenSloDocuments
from .open_slo_documents_documents_item import OpenSloDocumentsDocumentsItem
from .open_slo_import import OpenSloImport
from .open_slo_import_documents_item import OpenSloImportDocumentsItem
from .open_slo_import_result import OpenSloImportResult
from .overview_alerts import OverviewAlerts
from .overview_alerts_by_severity import OverviewAlertsBySeverity
from .overview_deployments import OverviewDeployments
from .overview_flag import OverviewFlag
from .overview_incident import OverviewIncident
from .overview_incidents import OverviewIncidents
from .overview_incidents_by_severity import OverviewIncidentsBySeverity
from .overview_service_health import OverviewServiceHealth
from .overview_services import OverviewServices
from .overview_services_by_slo_state import OverviewServicesBySloState
from .overview_spotlight import OverviewSpotlight
from .overview_withheld import OverviewWithheld
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
from .quarantined_row import QuarantinedRow
from .quarantined_row_list import QuarantinedRowList
from .quarantined_row_list_by_rule import QuarantinedRowListByRule
from .readiness import Readiness
from .readiness_checks_item import ReadinessChecksItem
from .readiness_status import ReadinessStatus
from .residency import Residency
from .rollout import Rollout
from .rollout_approvals_item import RolloutApprovalsItem
from .rollout_create import RolloutCreate
from .rollout_create_environment import RolloutCreateEnvironment
from .rollout_create_gates import RolloutCreateGates
from .rollout_decision import RolloutDecision
from .rollout_gate_name import RolloutGateName
from .rollout_gates import RolloutGates
from .rollout_history_item import RolloutHistoryItem
from .rollout_list import RolloutList
from .rollout_status import RolloutStatus
from .run_detection_history_body import RunDetectionHistoryBody
from .sandbox_profile import SandboxProfile
from .sandbox_reset import SandboxReset
from .sandbox_reset_result import SandboxResetResult
from .sandbox_reset_result_removed import SandboxResetResultRemoved
from .sandbox_seed import SandboxSeed
from .sandbox_tenant import SandboxTenant
from .sandbox_tenant_counts import SandboxTenantCounts
from .sandbox_tenant_skipped import SandboxTenantSkipped
from .search_match import SearchMatch
from .search_result import SearchResult
from .search_result_attributes import SearchResultAttributes
from .search_results import SearchResults
from .security_containment import SecurityContainment
from .security_detection import SecurityDetection
from .security_detection_group import SecurityDetectionGroup
from .security_detection_severity import SecurityDetectionSeverity
from .security_event import SecurityEvent
from .security_event_batch import SecurityEventBatch
from .security_event_category import SecurityEventCategory
from .security_event_details import SecurityEventDetails
from .security_event_geo_type_0 import SecurityEventGeoType0
from .security_event_input import SecurityEventInput
from .security_event_list import SecurityEventList
from .security_event_outcome import SecurityEventOutcome
from .security_event_source import SecurityEventSource
from .security_ingest_result import SecurityIngestResult
from .security_ingest_result_errors_item import SecurityIngestResultErrorsItem
from .security_principal import SecurityPrincipal
from .service import Service
from .service_create import ServiceCreate
from .service_create_labels import ServiceCreateLabels
from .service_data_location import ServiceDataLocation
from .service_dependency_graph import ServiceDependencyGraph
from .service_dependency_graph_direction import ServiceDependencyGraphDirection
from .service_environment import ServiceEnvironment
from .service_isolation_type_0 import ServiceIsolationType0
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
from .sli_labels import SliLabels
from .sli_sample import SliSample
from .sli_sample_batch import SliSampleBatch
from .sli_sample_batch_result import SliSampleBatchResult
from .sli_sample_import_result import SliSampleImportResult
from .sli_sample_list import SliSampleList
from .slo import Slo
from .slo_alert_rule import SloAlertRule
from .slo_alert_rule_action import SloAlertRuleAction
from .slo_alert_rule_kind import SloAlertRuleKind
from .slo_alert_rule_op import SloAlertRuleOp
from .slo_alert_rule_policy import SloAlertRulePolicy
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
from .slo_budgeting_method import SloBudgetingMethod
from .slo_create import SloCreate
from .slo_create_budgeting_method import SloCreateBudgetingMethod
from .slo_create_labels import SloCreateLabels
from .slo_create_window_days import SloCreateWindowDays
from .slo_follow_up import SloFollowUp
from .slo_follow_up_last_check_type_0 import SloFollowUpLastCheckType0
from .slo_follow_up_last_check_type_0_result import SloFollowUpLastCheckType0Result
from .slo_follow_up_list import SloFollowUpList
from .slo_follow_up_status import SloFollowUpStatus
from .slo_indicator import SloIndicator
from .slo_indicator_kind import SloIndicatorKind
from .slo_indicator_metric_source import SloIndicatorMetricSource
from .slo_indicator_metric_source_bad import SloIndicatorMetricSourceBad
from .slo_indicator_metric_source_good import SloIndicatorMetricSourceGood
from .slo_indicator_metric_source_query import SloIndicatorMetricSourceQuery
from .slo_indicator_metric_source_total import SloIndicatorMetricSourceTotal
from .slo_indicator_op import SloIndicatorOp
from .slo_labels import SloLabels
from .slo_list import SloList
from .slo_recommendation import SloRecommendation
from .slo_recommendation_accept import SloRecommendationAccept
from .slo_recommendation_backtest_type_0 import SloRecommendationBacktestType0
from .slo_recommendation_confidence import SloRecommendationConfidence
from .slo_recommendation_expected_impact_type_0 import SloRecommendationExpectedImpactType0
from .slo_recommendation_follow_up import SloRecommendationFollowUp
from .slo_recommendation_kind import SloRecommendationKind
from .slo_recommendation_links_item import SloRecommendationLinksItem
from .slo_recommendation_list import SloRecommendationList
from .slo_recommendation_proposal import SloRecommendationProposal
from .slo_timeslice_type_0 import SloTimesliceType0
from .slo_type import SloType
from .slo_update import SloUpdate
from .slo_update_budgeting_method import SloUpdateBudgetingMethod
from .slo_update_labels import SloUpdateLabels
from .slo_update_window_days import SloUpdateWindowDays
from .slo_verification import SloVerification
from .slo_verification_kind import SloVerificationKind
from .staging_file import StagingFile
from .staging_file_list import StagingFileList
from .stale_flag_list import StaleFlagList
from .stale_flag_list_items_item import StaleFlagListItemsItem
from .sync_security_events_response_200 import SyncSecurityEventsResponse200
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
from .tenant_environment import TenantEnvironment
from .tenant_flag import TenantFlag
from .tenant_flag_condition import TenantFlagCondition
from .tenant_flag_condition_operator import TenantFlagConditionOperator
from .tenant_flag_create import TenantFlagCreate
from .tenant_flag_create_variants import TenantFlagCreateVariants
from .tenant_flag_evaluation import TenantFlagEvaluation
from .tenant_flag_evaluation_reason import TenantFlagEvaluationReason
from .tenant_flag_list import TenantFlagList
from .tenant_flag_override_type_0 import TenantFlagOverrideType0
from .tenant_flag_rollout import TenantFlagRollout
from .tenant_flag_rule import TenantFlagRule
from .tenant_flag_split import TenantFlagSplit
from .tenant_flag_type import TenantFlagType
from .tenant_flag_update import TenantFlagUpdate
from .tenant_flag_update_variants import TenantFlagUpdateVariants
from .tenant_flag_variants import TenantFlagVariants
from .tenant_list import TenantList
from .tenant_membership import TenantMembership
from .tenant_membership_roles_item import TenantMembershipRolesItem
from .tenant_overview import TenantOverview
from .tenant_residency_item import TenantResidencyItem
from .tenant_residency_item_source import TenantResidencyItemSource
from .tenant_residency_posture import TenantResidencyPosture
from .tenant_residency_violation import TenantResidencyViolation
from .tenant_security_controls import TenantSecurityControls
from .tenant_status import TenantStatus
from .tenant_tier import TenantTier
from .tenant_update import TenantUpdate
from .update_detection_rule_body import UpdateDetectionRuleBody

__all__ = (
    "ActionPermission",
    "Alert",
    "AlertCategory",
    "AlertDetectionType0",
    "AlertErrorBudgetImpact",
    "AlertErrorBudgetImpactSloSource",
    "AlertHistoryImportResult",
    "AlertIncidentRequest",
    "AlertIngestKey",
    "AlertIngestKeyCreate",
    "AlertIngestKeyList",
    "AlertIngestKeyStatus",
    "AlertIngestKeyWithToken",
    "AlertIngestResult",
    "AlertList",
    "AlertOccurrence",
    "AlertOccurrenceList",
    "AlertOccurrenceSource",
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
    "AnalyticsCadence",
    "AnalyticsCadenceEvery",
    "AnalyticsCadenceWeekday",
    "AnalyticsEvent",
    "AnalyticsEventBatch",
    "AnalyticsEventError",
    "AnalyticsEventErrorErrorsItem",
    "AnalyticsEventKind",
    "AnalyticsEventProperties",
    "AnalyticsExport",
    "AnalyticsExportCreate",
    "AnalyticsExportCreateDestinationRegion",
    "AnalyticsExportFormat",
    "AnalyticsExportJobType0",
    "AnalyticsExportList",
    "AnalyticsExportParameters",
    "AnalyticsExportRedactions",
    "AnalyticsExportReport",
    "AnalyticsFreshness",
    "AnalyticsIngestResult",
    "AnalyticsMetricProperty",
    "AnalyticsMetricPropertyPii",
    "AnalyticsMetricPropertyType",
    "AnalyticsProperty",
    "AnalyticsPropertyPii",
    "AnalyticsPropertyType",
    "AnalyticsQuery",
    "AnalyticsQueryResult",
    "AnalyticsRedactions",
    "AnalyticsRedactionsAdditionalProperty",
    "AnalyticsReport",
    "AnalyticsReportParameters",
    "AnalyticsReportParametersBreakdown",
    "AnalyticsReportParametersBy",
    "AnalyticsReportParametersEnvironment",
    "AnalyticsReportParametersMode",
    "AnalyticsReportParametersSource",
    "AnalyticsReportReport",
    "AnalyticsReportSampling",
    "AnalyticsReportSource",
    "AnalyticsSchedule",
    "AnalyticsScheduleCreate",
    "AnalyticsScheduleCreateDestinationRegion",
    "AnalyticsScheduleList",
    "AnalyticsScheduleParameters",
    "AnalyticsScheduleRedactions",
    "AnalyticsScheduleRun",
    "AnalyticsScheduleUpdate",
    "AnalyticsScheduleUpdateDestinationRegion",
    "AnalyticsSchema",
    "AnalyticsSchemaCreate",
    "AnalyticsSchemaCreateCategory",
    "AnalyticsSchemaCreateProperties",
    "AnalyticsSchemaList",
    "AnalyticsSchemaProperties",
    "AnalyticsSyncResult",
    "AnalyticsSyncResultCopied",
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
    "DataClassification",
    "Dataset",
    "DatasetCreate",
    "DatasetCreateResidency",
    "DatasetExport",
    "DatasetExportCreate",
    "DatasetExportCreateDestinationRegion",
    "DatasetExportCreateRedactions",
    "DatasetExportCreateRedactionsAdditionalProperty",
    "DatasetExportJobType0",
    "DatasetExportList",
    "DatasetExportRedactions",
    "DatasetField",
    "DatasetFieldType",
    "DatasetImport",
    "DatasetImportCreate",
    "DatasetImportCreateCompression",
    "DatasetImportCreateCsv",
    "DatasetImportCreateCsvEncoding",
    "DatasetImportCreateEncoding",
    "DatasetImportCreateFormat",
    "DatasetImportCreateManifest",
    "DatasetImportCreateManifestFilesItem",
    "DatasetImportFilesItem",
    "DatasetImportJobType0",
    "DatasetImportList",
    "DatasetImportOptions",
    "DatasetImportPart",
    "DatasetImportPreflightType0",
    "DatasetImportProblemType0",
    "DatasetImportResultType0",
    "DatasetImportState",
    "DatasetList",
    "DatasetSample",
    "DatasetSampleRowsItem",
    "DatasetUpdate",
    "Deployment",
    "DeploymentCreate",
    "DeploymentEvidencePack",
    "DeploymentHistoryImportResult",
    "DeploymentList",
    "DeploymentRollbackCandidates",
    "DeploymentStage",
    "DeploymentStageName",
    "DeploymentStageUpdate",
    "DeploymentStageUpdateState",
    "DeploymentState",
    "DetectionRule",
    "DetectionRuleInput",
    "DetectionRuleList",
    "DetectionRuleTest",
    "DetectionRuleTestResult",
    "DetectionRuleVersion",
    "DetectionRunResult",
    "EntityInspection",
    "EvaluateTenantFlagEnvironment",
    "EvidenceItemInfo",
    "EvidenceLineage",
    "EvidenceLineageRecordsItem",
    "EvidenceLineageSpec",
    "EvidencePack",
    "EvidencePackList",
    "Experiment",
    "ExperimentConclude",
    "ExperimentConcludeOutcome",
    "ExperimentCreate",
    "ExperimentCreateEnvironment",
    "ExperimentList",
    "ExperimentOutcomeType1",
    "ExperimentOutcomeType2Type1",
    "ExperimentOutcomeType3Type1",
    "ExperimentResults",
    "ExperimentResultsArmsItem",
    "ExperimentResultsComparison",
    "ExperimentResultsSrm",
    "ExperimentResultsSrmExpected",
    "ExperimentResultsSrmObserved",
    "ExperimentStatus",
    "ExperimentWeightsItem",
    "ExposureAccepted",
    "ExposureBatch",
    "ExposureBatchEventsItem",
    "ExposureBatchEventsItemMetrics",
    "Feature",
    "FeatureCreate",
    "FeatureEvidence",
    "FeatureEvidenceCreate",
    "FeatureEvidenceKind",
    "FeatureKpi",
    "FeatureLink",
    "FeatureLinkKind",
    "FeatureList",
    "FeatureState",
    "FeatureSummary",
    "FeatureSummaryStatesItem",
    "FeatureSummaryStatesItemFeaturesItem",
    "FeatureTransition",
    "FeatureTransitionCreate",
    "FeatureTransitionList",
    "FeatureUpdate",
    "FieldProblem",
    "FlagConfiguration",
    "FlagConfigurationFlagsItem",
    "FlagConfigurationFlagsItemOverrideType0",
    "FlagConfigurationFlagsItemRulesItem",
    "FlagConfigurationFlagsItemVariants",
    "GetAnalyticsActiveUsersClientType",
    "GetAnalyticsActiveUsersEnvironment",
    "GetAnalyticsActiveUsersRole",
    "GetAnalyticsActiveUsersSource",
    "GetAnalyticsAdoptionBy",
    "GetAnalyticsAdoptionClientType",
    "GetAnalyticsAdoptionEnvironment",
    "GetAnalyticsAdoptionRole",
    "GetAnalyticsAdoptionSource",
    "GetAnalyticsFunnelClientType",
    "GetAnalyticsFunnelEnvironment",
    "GetAnalyticsFunnelRole",
    "GetAnalyticsRetentionBreakdown",
    "GetAnalyticsRetentionMode",
    "GetAnalyticsRetentionSource",
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
    "GuardrailArm",
    "GuardrailResult",
    "GuardrailResultStatus",
    "Health",
    "HealthReport",
    "HealthReportList",
    "HealthReportReport",
    "HealthReportRequest",
    "HealthReportSummary",
    "HealthReportSummaryExecutiveSummary",
    "HealthStatus",
    "ImportAlertHistoryFormat",
    "ImportDeploymentHistoryFormat",
    "ImportIncidentHistoryFormat",
    "ImportSliSamplesFormat",
    "Incident",
    "IncidentChecklistItem",
    "IncidentChecklistItemCreate",
    "IncidentCreate",
    "IncidentDashboard",
    "IncidentDashboardCreate",
    "IncidentHistoryImportResult",
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
    "MaestroServiceIsolateCall",
    "MaestroServiceIsolateCallAction",
    "MaestroServiceIsolateParams",
    "MaestroServiceIsolateStep",
    "MaestroServiceIsolateStepAction",
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
    "MaestroTenantEnforceStepUpCall",
    "MaestroTenantEnforceStepUpCallAction",
    "MaestroTenantEnforceStepUpParams",
    "MaestroTenantEnforceStepUpStep",
    "MaestroTenantEnforceStepUpStepAction",
    "MaestroTenantRaiseLoggingCall",
    "MaestroTenantRaiseLoggingCallAction",
    "MaestroTenantRaiseLoggingParams",
    "MaestroTenantRaiseLoggingStep",
    "MaestroTenantRaiseLoggingStepAction",
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
    "OfrepBulkEvaluation",
    "OfrepBulkEvaluationFlagsItem",
    "OfrepBulkFailure",
    "OfrepBulkFailureErrorCode",
    "OfrepEvaluateFlagEnvironment",
    "OfrepEvaluateFlagsEnvironment",
    "OfrepEvaluationFailure",
    "OfrepEvaluationFailureErrorCode",
    "OfrepEvaluationRequest",
    "OfrepEvaluationSuccess",
    "OfrepEvaluationSuccessReason",
    "OfrepMetadata",
    "OpenSloDocuments",
    "OpenSloDocumentsDocumentsItem",
    "OpenSloImport",
    "OpenSloImportDocumentsItem",
    "OpenSloImportResult",
    "OverviewAlerts",
    "OverviewAlertsBySeverity",
    "OverviewDeployments",
    "OverviewFlag",
    "OverviewIncident",
    "OverviewIncidents",
    "OverviewIncidentsBySeverity",
    "OverviewServiceHealth",
    "OverviewServices",
    "OverviewServicesBySloState",
    "OverviewSpotlight",
    "OverviewWithheld",
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
    "QuarantinedRow",
    "QuarantinedRowList",
    "QuarantinedRowListByRule",
    "Readiness",
    "ReadinessChecksItem",
    "ReadinessStatus",
    "Residency",
    "Rollout",
    "RolloutApprovalsItem",
    "RolloutCreate",
    "RolloutCreateEnvironment",
    "RolloutCreateGates",
    "RolloutDecision",
    "RolloutGateName",
    "RolloutGates",
    "RolloutHistoryItem",
    "RolloutList",
    "RolloutStatus",
    "RunDetectionHistoryBody",
    "SandboxProfile",
    "SandboxReset",
    "SandboxResetResult",
    "SandboxResetResultRemoved",
    "SandboxSeed",
    "SandboxTenant",
    "SandboxTenantCounts",
    "SandboxTenantSkipped",
    "SearchMatch",
    "SearchResult",
    "SearchResultAttributes",
    "SearchResults",
    "SecurityContainment",
    "SecurityDetection",
    "SecurityDetectionGroup",
    "SecurityDetectionSeverity",
    "SecurityEvent",
    "SecurityEventBatch",
    "SecurityEventCategory",
    "SecurityEventDetails",
    "SecurityEventGeoType0",
    "SecurityEventInput",
    "SecurityEventList",
    "SecurityEventOutcome",
    "SecurityEventSource",
    "SecurityIngestResult",
    "SecurityIngestResultErrorsItem",
    "SecurityPrincipal",
    "Service",
    "ServiceCreate",
    "ServiceCreateLabels",
    "ServiceDataLocation",
    "ServiceDependencyGraph",
    "ServiceDependencyGraphDirection",
    "ServiceEnvironment",
    "ServiceIsolationType0",
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
    "SliLabels",
    "SliSample",
    "SliSampleBatch",
    "SliSampleBatchResult",
    "SliSampleImportResult",
    "SliSampleList",
    "Slo",
    "SloAlertRule",
    "SloAlertRuleAction",
    "SloAlertRuleKind",
    "SloAlertRuleOp",
    "SloAlertRulePolicy",
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
    "SloBudgetingMethod",
    "SloCreate",
    "SloCreateBudgetingMethod",
    "SloCreateLabels",
    "SloCreateWindowDays",
    "SloFollowUp",
    "SloFollowUpLastCheckType0",
    "SloFollowUpLastCheckType0Result",
    "SloFollowUpList",
    "SloFollowUpStatus",
    "SloIndicator",
    "SloIndicatorKind",
    "SloIndicatorMetricSource",
    "SloIndicatorMetricSourceBad",
    "SloIndicatorMetricSourceGood",
    "SloIndicatorMetricSourceQuery",
    "SloIndicatorMetricSourceTotal",
    "SloIndicatorOp",
    "SloLabels",
    "SloList",
    "SloRecommendation",
    "SloRecommendationAccept",
    "SloRecommendationBacktestType0",
    "SloRecommendationConfidence",
    "SloRecommendationExpectedImpactType0",
    "SloRecommendationFollowUp",
    "SloRecommendationKind",
    "SloRecommendationLinksItem",
    "SloRecommendationList",
    "SloRecommendationProposal",
    "SloTimesliceType0",
    "SloType",
    "SloUpdate",
    "SloUpdateBudgetingMethod",
    "SloUpdateLabels",
    "SloUpdateWindowDays",
    "SloVerification",
    "SloVerificationKind",
    "StagingFile",
    "StagingFileList",
    "StaleFlagList",
    "StaleFlagListItemsItem",
    "SyncSecurityEventsResponse200",
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
    "TenantEnvironment",
    "TenantFlag",
    "TenantFlagCondition",
    "TenantFlagConditionOperator",
    "TenantFlagCreate",
    "TenantFlagCreateVariants",
    "TenantFlagEvaluation",
    "TenantFlagEvaluationReason",
    "TenantFlagList",
    "TenantFlagOverrideType0",
    "TenantFlagRollout",
    "TenantFlagRule",
    "TenantFlagSplit",
    "TenantFlagType",
    "TenantFlagUpdate",
    "TenantFlagUpdateVariants",
    "TenantFlagVariants",
    "TenantList",
    "TenantMembership",
    "TenantMembershipRolesItem",
    "TenantOverview",
    "TenantResidencyItem",
    "TenantResidencyItemSource",
    "TenantResidencyPosture",
    "TenantResidencyViolation",
    "TenantSecurityControls",
    "TenantStatus",
    "TenantTier",
    "TenantUpdate",
    "UpdateDetectionRuleBody",
)
