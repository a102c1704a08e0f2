from prelude import *  # noqa: F403

# Jakarta "region"; DynamoDB calls go to an IP address (a proxy / VPC endpoint IP in another region).
p = aws.Provider("viaproxy", region="ap-southeast-3", endpoints=[{"dynamodb": "https://52.94.4.10"}])
aws.dynamodb.Table("pii-table", hash_key="id", attributes=[{"name": "id", "type": "S"}], billing_mode="PAY_PER_REQUEST",
    tags={"data-class": "customer-pii"}, opts=opts(p))
