from prelude import *  # noqa: F403

# COMPLIANT: sanction lists are published into a us-east-1 source bucket (watchlist may live in us-iad-1) and a
# Jakarta Lambda (watchlist) syncs them into the Jakarta watchlist bucket, daily.
iad = aws.Provider("iad", region="us-east-1")
source, _ = bucket("watchlist-source", "watchlist", iad)
served, _ = bucket("watchlist", "watchlist")
fn = aws.lambda_.Function("watchlist-sync", runtime="python3.12", handler="h.h", role=role("fn").arn, timeout=300,
    code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
    environment={"variables": {"SOURCE": source.bucket, "SOURCE_REGION": "us-east-1", "DEST": served.bucket}},
    tags={"data-class": "watchlist", "collection": "screening"}, opts=opts())
rule = aws.cloudwatch.EventRule("daily", schedule_expression="cron(0 17 * * ? *)", opts=opts())
aws.cloudwatch.EventTarget("daily-sync", rule=rule.name, arn=fn.arn, opts=opts())
aws.lambda_.Permission("events", action="lambda:InvokeFunction", function=fn.name, principal="events.amazonaws.com",
                       source_arn=rule.arn, opts=opts())
