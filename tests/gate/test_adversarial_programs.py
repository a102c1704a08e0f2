"""Programs that try to move or place customer data outside Jakarta by routes no rule names
(tests/programs/adversarial/, one stack per case): each must be stopped on the resource that escapes. Compliant
programs that look like such routes must pass."""

from pathlib import Path

import pytest

from residency.gate.preview import PreviewOptions, run_preview
from residency.model.findings import Level
from tests.gate.projects import POLICY_PACK

ADVERSARIAL = Path(__file__).parents[1] / "programs" / "adversarial"

# case -> the resources that must carry a mandatory violation
ESCAPES: dict[str, set[str]] = {
    "c01_provider_named_default_no_region": {"pii-dr"},
    "c02_provider_endpoints_non_aws_host": {"pii-obj"},
    "c03_provider_endpoints_ip_literal": {"pii-table"},
    "c04_default_provider_endpoints_config": {"pii-default"},
    "c05_invoke_empty_or_default": {"pii-dr"},
    "c06_invoke_get_bucket_invented_region": {"customers-csv"},
    "c08_stack_transform_swaps_provider": {"pii"},
    "c09_component_providers_inheritance": {"store-inner-pii"},
    "c10_provider_region_from_output_apply": {"pii"},
    "c11_k8s_cluster_identifier_lies": {"pii-db"},
    "c12_k8s_kubeconfig_arn_is_just_a_name": {"pii-db"},
    "c13_k8s_affinity_or_terms": {"kyc-api"},
    "c14_k8s_secret_configmap_pii_in_foreign_cluster": {"customers", "watch"},
    "c15_k8s_yaml_v2_configgroup": {"pii"},
    "c16_k8s_helm_v4_chart": {"pii-db"},
    "c17_lambda_env_global_s3_endpoint": {"exporter"},
    "c18_apigw_http_proxy_to_global_s3": {"to-s3"},
    "c19_ec2_user_data_base64": {"syncer"},
    "c20_launch_template_user_data": {"syncer"},
    "c21_bucket_object_into_outside_bucket": {"customers-csv"},
    "c22_object_copy_to_outside_bucket": {"copy"},
    "c24_lambda_env_eu_sovereign_cloud_endpoint": {"exporter"},
    "c25_sfn_http_task_to_partner": {"forward"},
    "c26_lambda_bedrock_cross_region_inference": {"ocr"},
    "c27_rds_read_replica_by_arn_relabelled": {"replica"},
    "c28_dynamodb_table_replica_v2": {"kyc-us"},
    "c29_dsql_witness_region": {"kyc"},
    "c30_sns_email_subscription": {"dpo"},
    "c31_log_account_subscription_policy": {"all-logs"},
    "c32_mrap_with_outside_bucket": {"kyc"},
    "c33_tag_key_lookalikes": {"lookalike-0", "lookalike-1"},
    "c34_default_tags_override": {"dst", "rep"},
    "c35_stackref_region": {"pii"},
    "c36_aws_native_bucket_frankfurt": {"pii-native"},
    "c37_gcp_bucket_europe": {"pii-gcs"},
    "d01_lambda_env_bare_bucket_name": {"exporter"},
    "d02_lambda_env_dd_site_eu": {"kyc-api"},
    "d03_lambda_env_mongodb_srv_url": {"kyc-writer"},
    "d04_lambda_env_kafka_bootstrap": {"kyc-events"},
    "d05_glue_connection_jdbc_outside": {"partner-db"},
    "d06_dms_endpoint_server_name_ip": {"target"},
    "d07_dms_endpoint_server_name_host": {"target"},
    "d08_datasync_object_storage_host": {"dst"},
    "d10_ecs_firelens_datadog_eu": {"kyc-api"},
    "d11_ecs_syslog_tcp": {"kyc-api"},
    "d12_apigw_aws_proxy_lambda_us": {"to-us"},
    "d13_apigw_aws_service_s3_us": {"to-s3"},
    "d14_sfn_distributed_map_result_writer": {"fanout"},
    "d15_sfn_sdk_copyobject_bare_bucket": {"copier"},
    "d16_scheduler_universal_target_copy": {"nightly-copy"},
    "d23_ssm_association_output_bare_bucket": {"nightly"},
    "d24_codebuild_artifacts_bare_bucket": {"report"},
    "d47_bedrock_kb_mongodb_atlas": {"kyc-kb"},
    "e18_get_existing_bucket_as_replication_target": {"rep", "partner"},
    "e20_appconfig_hosted_config_us": {"customers"},
    "e22_vpc_endpoint_cross_region_privatelink": {"sender"},
    "e46_get_existing_bucket_tagged_state": {"rep", "partner"},
    "g01_cfn_template_elsewhere": {"kyc-tables", "kyc-nested"},
    "g02_servicecatalog_and_sar_products": {"kyc-store", "kyc-app"},
    "g04_k8s_externalname_and_endpoints": {"partner-export", "partner-sftp-ep", "partner-sftp-slice"},
    "g06_k8s_network_volume_abroad": {"exports-pv", "scans-pv", "share-pv"},
    "g08_edge_optimised_endpoints": {"kyc-api", "kyc-domain", "login"},
    "g10_saas_destinations": {"to-partner", "to-slack", "to-teams"},
    "g12_k8s_request_mirror_and_dns_overrides": {"kyc-ing", "kyc-api", "kyc-export"},
    "g14_public_snapshot_image_and_policies": {"public-ami", "public-db-snap", "public-queue", "public-topic"},
    "g16_name_value_env_and_run_time_targets": {"ecs-export", "k8s-export", "copier"},
    "g18_sns_mobile_push": {"to-phones"},
    "g20_configuration_documents_that_move_data": {"mq-cfg", "kyc-tpl"},
    "g22_hardware_outside_regions": {"kyc-svc", "kyc-task", "kyc-gw", "outpost-vol", "op-worker"},
    "g24_k8s_settings_in_configmaps": {"export-settings", "export-creds", "export-b64"},
    "g26_injected_parameters_and_secrets": {"ecs-export", "report"},
    "g28_provider_plugin_from_elsewhere": {"kyc-events", "kyc-table"},
    "g30_settings_files_in_text": {"fluent-bit", "syncer"},
    "g32_glue_trigger_arguments": {"nightly"},
    "g34_ecs_environment_file": {"ecs-export", "ecs-import"},
    "g36_lightsail_container_deployment": {"kyc-v1"},
}

# compliant cases that resemble an escape: each must pass with no mandatory violation
COMPLIANT: set[str] = {
    "e03_watchlist_sync_from_us",
    "e10_ecr_replication_to_jkt",
    "f02_ecs_image_from_us_ecr",
    "g03_cfn_inline_template_jakarta",
    "g05_k8s_externalname_to_jakarta_rds",
    "g07_k8s_network_volume_in_jakarta",
    "g09_regional_endpoints_jakarta",
    "g11_appflow_s3_to_s3_jakarta",
    "g13_k8s_mirror_and_dns_in_cluster",
    "g15_shares_with_named_accounts",
    "g17_name_value_env_jakarta",
    "g19_sns_to_jakarta_queue",
    "g21_configuration_documents_jakarta",
    "g23_gateway_on_jakarta_instance",
    "g25_k8s_settings_in_jakarta",
    "g27_injected_settings_jakarta",
    "g29_provider_plugin_from_pulumi",
    "g31_settings_files_jakarta",
    "g33_glue_trigger_jakarta",
    "g35_ecs_environment_file_jakarta",
    "g37_lightsail_container_deployment_jakarta",
}


def test_every_case_in_the_corpus_is_judged() -> None:
    stacks = {p.name.removeprefix("Pulumi.").removesuffix(".yaml") for p in ADVERSARIAL.glob("Pulumi.*.yaml")}
    cases = {p.stem for p in (ADVERSARIAL / "cases").glob("*.py") if p.stem != "__init__"}
    assert not set(ESCAPES) & COMPLIANT
    assert stacks == cases == set(ESCAPES) | COMPLIANT


@pytest.mark.parametrize("case", sorted(ESCAPES))
def test_the_escape_is_stopped_on_the_resource_that_escapes(case: str) -> None:
    result = run_preview(PreviewOptions(case, ADVERSARIAL, POLICY_PACK))
    stopped = {v.urn.rsplit("::", 1)[-1] for v in result.violations if v.urn and v.level is Level.MANDATORY}
    assert result.exit_code == 1 and ESCAPES[case] <= stopped, (stopped, [v.message for v in result.violations])


@pytest.mark.parametrize("case", sorted(COMPLIANT))
def test_the_compliant_lookalike_passes(case: str) -> None:
    result = run_preview(PreviewOptions(case, ADVERSARIAL, POLICY_PACK))
    mandatory = [v.message for v in result.violations if v.level is Level.MANDATORY]
    assert result.exit_code == 0 and not mandatory, mandatory
