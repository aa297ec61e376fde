"""Contains all the data models used in inputs/outputs"""

from .action_permission import ActionPermission
from .audit_event import AuditEvent
from .audit_event_actor_kind import AuditEventActorKind
from .audit_event_details import AuditEventDetails
from .audit_event_list import AuditEventList
from .audit_export_request import AuditExportRequest
from .audit_export_request_format import AuditExportRequestFormat
from .audit_outcome import AuditOutcome
from .audit_verification import AuditVerification
from .audit_verification_reason_type_1 import AuditVerificationReasonType1
from .audit_verification_reason_type_2_type_1 import AuditVerificationReasonType2Type1
from .audit_verification_reason_type_3_type_1 import AuditVerificationReasonType3Type1
from .field_problem import FieldProblem
from .health import Health
from .health_status import HealthStatus
from .job import Job
from .job_error import JobError
from .job_list import JobList
from .job_progress import JobProgress
from .job_result_type_0 import JobResultType0
from .job_state import JobState
from .labels import Labels
from .me import Me
from .me_kind import MeKind
from .permission_set import PermissionSet
from .problem import Problem
from .readiness import Readiness
from .readiness_checks_item import ReadinessChecksItem
from .readiness_status import ReadinessStatus
from .residency import Residency
from .tenant import Tenant
from .tenant_create import TenantCreate
from .tenant_list import TenantList
from .tenant_membership import TenantMembership
from .tenant_membership_roles_item import TenantMembershipRolesItem
from .tenant_status import TenantStatus
from .tenant_tier import TenantTier
from .tenant_update import TenantUpdate

__all__ = (
    "ActionPermission",
    "AuditEvent",
    "AuditEventActorKind",
    "AuditEventDetails",
    "AuditEventList",
    "AuditExportRequest",
    "AuditExportRequestFormat",
    "AuditOutcome",
    "AuditVerification",
    "AuditVerificationReasonType1",
    "AuditVerificationReasonType2Type1",
    "AuditVerificationReasonType3Type1",
    "FieldProblem",
    "Health",
    "HealthStatus",
    "Job",
    "JobError",
    "JobList",
    "JobProgress",
    "JobResultType0",
    "JobState",
    "Labels",
    "Me",
    "MeKind",
    "PermissionSet",
    "Problem",
    "Readiness",
    "ReadinessChecksItem",
    "ReadinessStatus",
    "Residency",
    "Tenant",
    "TenantCreate",
    "TenantList",
    "TenantMembership",
    "TenantMembershipRolesItem",
    "TenantStatus",
    "TenantTier",
    "TenantUpdate",
)
