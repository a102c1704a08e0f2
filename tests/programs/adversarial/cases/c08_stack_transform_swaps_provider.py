from prelude import *  # noqa: F403

# A stack transform moves every bucket to a Frankfurt provider after registration options were built.
fra = aws.Provider("fra", region="eu-central-1")
def move(args):
    if args.type_ == "aws:s3/bucket:Bucket":
        return pulumi.ResourceTransformResult(props=args.props, opts=pulumi.ResourceOptions.merge(
            args.opts, pulumi.ResourceOptions(provider=fra)))
    return None
pulumi.runtime.register_resource_transform(move)
aws.s3.Bucket("pii", tags={"data-class": "customer-pii"}, opts=opts(JKT))
