from prelude import *  # noqa: F403

# Settings kept in a separate "configuration" resource, which the catalogue called control: an ActiveMQ
# configuration whose network connector forwards the Jakarta broker's customer-pii messages to a broker in
# us-east-1, and an Elastic Beanstalk configuration template that gives the Jakarta app a partner export bucket.
PII = {"data-class": "customer-pii", "collection": "onboarding"}
cfg = aws.mq.Configuration("mq-cfg", engine_type="ActiveMQ", engine_version="5.18", name="kyc-mq", data="""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<broker xmlns="http://activemq.apache.org/schema/core">
  <networkConnectors>
    <networkConnector name="to-us" duplex="true" uri="static:(ssl://b-1234abcd-1.mq.us-east-1.amazonaws.com:61617)"/>
  </networkConnectors>
</broker>""", opts=opts())
aws.mq.Broker("kyc-mq", broker_name="kyc-mq", engine_type="ActiveMQ", engine_version="5.18",
    host_instance_type="mq.m5.large", configuration={"id": cfg.id, "revision": cfg.latest_revision},
    users=[{"username": "app", "password": "x" * 16}],
    encryption_options={"kms_key_id": key("mqk", "customer-pii").arn, "use_aws_owned_key": False}, tags=PII,
    opts=opts())
app = aws.elasticbeanstalk.Application("kyc", opts=opts())
tpl = aws.elasticbeanstalk.ConfigurationTemplate("kyc-tpl", application=app.name,
    solution_stack_name="64bit Amazon Linux 2023 v4.3.0 running Python 3.12", settings=[
        {"namespace": "aws:elasticbeanstalk:application:environment", "name": "EXPORT_BUCKET",
         "value": "partner-kyc-frankfurt"}], opts=opts())
aws.elasticbeanstalk.Environment("kyc-env", application=app.name, template_name=tpl.name, tags=PII, opts=opts())
