from prelude import *  # noqa: F403

# Providers passed through a component's providers= map and inherited by a grandchild.
fra = aws.Provider("fra", region="eu-central-1")
class Inner(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("rt:x:Inner", name, None, opts)
        aws.s3.Bucket(f"{name}-pii", tags={"data-class": "customer-pii"}, opts=pulumi.ResourceOptions(parent=self))
class Outer(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("rt:x:Outer", name, None, opts)
        Inner(f"{name}-inner", opts=pulumi.ResourceOptions(parent=self))
Outer("store", opts=pulumi.ResourceOptions(providers={"aws": fra}))
