"""Contains all the data models used in inputs/outputs"""

from .activity_event import ActivityEvent
from .activity_event_label import ActivityEventLabel
from .activity_filters import ActivityFilters
from .activity_order_column import ActivityOrderColumn
from .activity_response import ActivityResponse
from .api_error import ApiError
from .api_error_details import ApiErrorDetails
from .api_error_map import ApiErrorMap
from .campaign_membership import CampaignMembership
from .campaign_membership_map import CampaignMembershipMap
from .company_row import CompanyRow
from .contact import Contact
from .contact_base import ContactBase
from .contact_batch_edit_item import ContactBatchEditItem
from .contact_batch_response import ContactBatchResponse
from .contact_campaigns_response import ContactCampaignsResponse
from .contact_companies_response import ContactCompaniesResponse
from .contact_device import ContactDevice
from .contact_device_map import ContactDeviceMap
from .contact_devices_response import ContactDevicesResponse
from .contact_field_entry import ContactFieldEntry
from .contact_field_values import ContactFieldValues
from .contact_fields import ContactFields
from .contact_input import ContactInput
from .contact_list import ContactList
from .contact_map import ContactMap
from .contact_notes_response import ContactNotesResponse
from .contact_point_group_score_response import ContactPointGroupScoreResponse
from .contact_point_groups_response import ContactPointGroupsResponse
from .contact_record_found_response import ContactRecordFoundResponse
from .contact_response import ContactResponse
from .contact_segments_response import ContactSegmentsResponse
from .deleted_contact import DeletedContact
from .deleted_contact_response import DeletedContactResponse
from .dnc_input import DncInput
from .do_not_contact import DoNotContact
from .do_not_contact_input import DoNotContactInput
from .error_response import ErrorResponse
from .field_definition import FieldDefinition
from .field_definition_map import FieldDefinitionMap
from .field_group_map import FieldGroupMap
from .frequency_rule import FrequencyRule
from .frequency_rule_input import FrequencyRuleInput
from .frequency_rule_input_map import FrequencyRuleInputMap
from .group_points_operator import GroupPointsOperator
from .ip_address import IpAddress
from .ip_address_map import IpAddressMap
from .ip_details import IpDetails
from .note import Note
from .note_map import NoteMap
from .order_query import OrderQuery
from .point_group import PointGroup
from .point_group_score import PointGroupScore
from .points_change_input import PointsChangeInput
from .points_operator import PointsOperator
from .segment_membership import SegmentMembership
from .segment_membership_map import SegmentMembershipMap
from .segment_summary import SegmentSummary
from .segment_summary_map import SegmentSummaryMap
from .sort_direction import SortDirection
from .stage import Stage
from .status_code_map import StatusCodeMap
from .string_map import StringMap
from .success_response import SuccessResponse
from .tag import Tag
from .user import User
from .utm_input import UtmInput
from .utm_query import UtmQuery
from .utm_tag import UtmTag
from .where_query import WhereQuery
from .zero_or_one import ZeroOrOne

__all__ = (
    "ActivityEvent",
    "ActivityEventLabel",
    "ActivityFilters",
    "ActivityOrderColumn",
    "ActivityResponse",
    "ApiError",
    "ApiErrorDetails",
    "ApiErrorMap",
    "CampaignMembership",
    "CampaignMembershipMap",
    "CompanyRow",
    "Contact",
    "ContactBase",
    "ContactBatchEditItem",
    "ContactBatchResponse",
    "ContactCampaignsResponse",
    "ContactCompaniesResponse",
    "ContactDevice",
    "ContactDeviceMap",
    "ContactDevicesResponse",
    "ContactFieldEntry",
    "ContactFields",
    "ContactFieldValues",
    "ContactInput",
    "ContactList",
    "ContactMap",
    "ContactNotesResponse",
    "ContactPointGroupScoreResponse",
    "ContactPointGroupsResponse",
    "ContactRecordFoundResponse",
    "ContactResponse",
    "ContactSegmentsResponse",
    "DeletedContact",
    "DeletedContactResponse",
    "DncInput",
    "DoNotContact",
    "DoNotContactInput",
    "ErrorResponse",
    "FieldDefinition",
    "FieldDefinitionMap",
    "FieldGroupMap",
    "FrequencyRule",
    "FrequencyRuleInput",
    "FrequencyRuleInputMap",
    "GroupPointsOperator",
    "IpAddress",
    "IpAddressMap",
    "IpDetails",
    "Note",
    "NoteMap",
    "OrderQuery",
    "PointGroup",
    "PointGroupScore",
    "PointsChangeInput",
    "PointsOperator",
    "SegmentMembership",
    "SegmentMembershipMap",
    "SegmentSummary",
    "SegmentSummaryMap",
    "SortDirection",
    "Stage",
    "StatusCodeMap",
    "StringMap",
    "SuccessResponse",
    "Tag",
    "User",
    "UtmInput",
    "UtmQuery",
    "UtmTag",
    "WhereQuery",
    "ZeroOrOne",
)
