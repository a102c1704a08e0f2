from prelude import *  # noqa: F403

# A control-typed resource used as storage: the customer CSV kept in the Jakarta PII bucket is also published as
# an AppConfig hosted configuration version in us-east-1 (content taken from the Jakarta object).
docs, _ = bucket("docs", "customer-pii")
obj = aws.s3.BucketObjectv2("customers", bucket=docs.id, key="customers.csv",
    content="nik,name,dob\n3171000000000001,Budi,1990-01-01\n", opts=opts())
iad = aws.Provider("iad", region="us-east-1")
app = aws.appconfig.Application("kyc", opts=opts(iad))
prof = aws.appconfig.ConfigurationProfile("lists", application_id=app.id, location_uri="hosted", opts=opts(iad))
aws.appconfig.HostedConfigurationVersion("customers", application_id=app.id,
    configuration_profile_id=prof.configuration_profile_id, content_type="text/plain", content=obj.content,
    opts=opts(iad))
