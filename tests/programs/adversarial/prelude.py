"""Helpers every adversarial case uses: a Jakarta provider and fully protected stores, so that only
residency findings remain."""
import base64, json, sys
import pulumi
import pulumi_aws as aws

JKT = aws.Provider("jkt", region="ap-southeast-3")


def opts(provider=JKT, **kw):
    return pulumi.ResourceOptions(provider=provider, **kw)


def key(name, cls, provider=JKT):
    return aws.kms.Key(name, enable_key_rotation=True, deletion_window_in_days=30, tags={"data-class": cls},
                       opts=opts(provider))


def bucket(name, cls, provider=JKT, **kw):
    """A bucket with SSE-KMS, a public access block and versioning."""
    k = key(f"{name}-key", cls, provider)
    b = aws.s3.Bucket(name, tags={"data-class": cls, "collection": "onboarding"}, opts=opts(provider), **kw)
    aws.s3.BucketServerSideEncryptionConfiguration(f"{name}-sse", bucket=b.id, rules=[{
        "apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": k.arn}}],
        opts=opts(provider))
    aws.s3.BucketPublicAccessBlock(f"{name}-pab", bucket=b.id, block_public_acls=True, block_public_policy=True,
                                   ignore_public_acls=True, restrict_public_buckets=True, opts=opts(provider))
    aws.s3.BucketVersioning(f"{name}-ver", bucket=b.id, versioning_configuration={"status": "Enabled"},
                            opts=opts(provider))
    return b, k


def role(name, service="lambda.amazonaws.com"):
    return aws.iam.Role(name, assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": service}}]}), opts=opts())


def function(name, variables, cls="customer-pii"):
    """A Jakarta Lambda handling `cls`, reading the environment variables it is given."""
    return aws.lambda_.Function(name, runtime="python3.12", handler="h.h", role=role(f"{name}-role").arn,
        code=pulumi.AssetArchive({"h.py": pulumi.StringAsset("def h(e, c): pass")}),
        environment={"variables": variables}, tags={"data-class": cls, "collection": "onboarding"}, opts=opts())


# An EKS kubeconfig whose cluster and context are *named* with a Jakarta ARN, while its server and token region are
# Frankfurt: what decides the connection is the server.
FRANKFURT_KUBECONFIG = """apiVersion: v1
kind: Config
clusters:
- name: arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1
  cluster:
    server: https://ABCDEF0123456789.gr7.eu-central-1.eks.amazonaws.com
    certificate-authority-data: LS0t
contexts:
- name: kyc
  context: {cluster: "arn:aws:eks:ap-southeast-3:111122223333:cluster/kyc-id-jkt-1", user: kyc}
current-context: kyc
users:
- name: kyc
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws
      args: [eks, get-token, --region, eu-central-1, --cluster-name, kyc-fra]
"""
