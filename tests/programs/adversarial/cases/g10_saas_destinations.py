from prelude import *  # noqa: F403

# Customer data delivered into SaaS applications outside AWS, named only by a connector profile or a workspace id:
# an AppFlow flow from the PII bucket to Snowflake (profile made in the console), and KYC alerts posted to Slack
# and Microsoft Teams by Amazon Q in chat applications (Chatbot).
docs, _ = bucket("docs", "customer-pii")
aws.appflow.Flow("to-partner", source_flow_config={"connector_type": "S3", "source_connector_properties": {"s3": {
    "bucket_name": docs.bucket, "bucket_prefix": "kyc"}}},
    destination_flow_configs=[{"connector_type": "Snowflake", "connector_profile_name": "partner-sf",
        "destination_connector_properties": {"snowflake": {"object": "KYC.PUBLIC.CUSTOMERS",
                                                           "intermediate_bucket_name": docs.bucket}}}],
    tasks=[{"task_type": "Map_all", "source_fields": [], "connector_operators": [{"s3": "NO_OP"}]}],
    trigger_config={"trigger_type": "OnDemand"}, opts=opts())
t = aws.sns.Topic("kyc-alerts", kms_master_key_id=key("tk", "customer-pii").arn,
    tags={"data-class": "customer-pii", "collection": "onboarding"}, opts=opts())
aws.chatbot.SlackChannelConfiguration("to-slack", configuration_name="kyc",
    iam_role_arn=role("cb", "chatbot.amazonaws.com").arn, slack_channel_id="C07EZ1ABC23", slack_team_id="T07EA123LEP",
    sns_topic_arns=[t.arn], opts=opts())
aws.chatbot.TeamsChannelConfiguration("to-teams", configuration_name="kyc-teams", channel_id="19:abc@thread.tacv2",
    team_id="5f4e2c1a-0000-4000-8000-000000000000", tenant_id="5f4e2c1a-0000-4000-8000-000000000001",
    iam_role_arn=role("cbt", "chatbot.amazonaws.com").arn, sns_topic_arns=[t.arn], opts=opts())
