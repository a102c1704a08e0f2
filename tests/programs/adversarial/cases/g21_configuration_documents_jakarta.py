from prelude import *  # noqa: F403

# Compliant: an ActiveMQ configuration (namespace and schema URLs, a network connector to a Jakarta broker) and an
# Elastic Beanstalk template naming the stack's Jakarta bucket.
PII = {"data-class": "customer-pii", "collection": "onboarding"}
cfg = aws.mq.Configuration("mq-cfg", engine_type="ActiveMQ", engine_version="5.18", name="kyc-mq", data="""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<broker xmlns="http://activemq.apache.org/schema/core" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
        xsi:schemaLocation="http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
  <networkConnectors>
    <networkConnector name="to-b" duplex="true" uri="static:(ssl://b-5678efgh-1.mq.ap-southeast-3.amazonaws.com:61617)"/>
  </networkConnectors>
</broker>""", opts=opts())
aws.mq.Broker("kyc-mq", broker_name="kyc-mq", engine_type="ActiveMQ", engine_version="5.18",
    host_instance_type="mq.m5.large", configuration={"id": cfg.id, "revision": cfg.latest_revision},
    users=[{"username": "app", "password": "x" * 16}],
    encryption_options={"kms_key_id": key("mqk", "customer-pii").arn, "use_aws_owned_key": False}, tags=PII,
    opts=opts())
docs, _ = bucket("docs", "customer-pii")
app = aws.elasticbeanstalk.Application("kyc", opts=opts())
tpl = aws.elasticbeanstalk.ConfigurationTemplate("kyc-tpl", application=app.name,
    solution_stack_name="64bit Amazon Linux 2023 v4.3.0 running Python 3.12", settings=[
        {"namespace": "aws:elasticbeanstalk:application:environment", "name": "EXPORT_BUCKET", "value": docs.bucket}],
    opts=opts())
aws.elasticbeanstalk.Environment("kyc-env", application=app.name, template_name=tpl.name, tags=PII, opts=opts())
