"""Outputs a provider would compute for the fields programs commonly read, so `apply` chains keep running."""

from typing import Any

from residency.facts.values import UNKNOWN
from residency.gate.engine.arns import ACCOUNT, digest


def aws_outputs(
    typ: str, region: str | None, ident: str, physical: str | None, arn: str, inputs: dict[str, Any]
) -> dict[str, Any]:
    r = region or UNKNOWN
    n = physical or ident
    resource = typ.split(":")[1] if typ.count(":") == 2 else typ
    match resource:
        case "rds/instance" | "rds/cluster":
            host = f"{n}.c0ffee.{r}.rds.amazonaws.com"
            return {
                "endpoint": f"{host}:5432",
                "address": host,
                "port": 5432,
                "resourceId": f"db-{digest(n, length=26)}",
            }
        case "elasticache/replicationGroup":
            return {"primaryEndpointAddress": f"master.{n}.c0ffee.{r}.cache.amazonaws.com"}
        case "sqs/queue":
            return {"url": f"https://sqs.{r}.amazonaws.com/{ACCOUNT}/{n}"}
        case "kms/key" | "kms/replicaKey":
            return {"keyId": ident}
        case "s3/bucket" | "s3/bucketV2":
            return {
                "bucketDomainName": f"{n}.s3.amazonaws.com",
                "bucketRegionalDomainName": f"{n}.s3.{r}.amazonaws.com",
                "hostedZoneId": "Z3O0J2DXBE1FTB",
                "websiteEndpoint": f"{n}.s3-website-{r}.amazonaws.com",
            }
        case "s3/bucketWebsiteConfiguration" | "s3/bucketWebsiteConfigurationV2":
            bucket = inputs.get("bucket", n)
            return {
                "websiteEndpoint": f"{bucket}.s3-website-{r}.amazonaws.com",
                "websiteDomain": f"s3-website-{r}.amazonaws.com",
            }
        case "lambda/function":
            return {
                "invokeArn": f"arn:aws:apigateway:{r}:lambda:path/2015-03-31/functions/{arn}/invocations",
                "qualifiedArn": f"{arn}:$LATEST",
                "version": "$LATEST",
            }
        case "apigateway/restApi":
            return {"executionArn": f"arn:aws:execute-api:{r}:{ACCOUNT}:{ident}", "rootResourceId": digest(n)}
        case "apigatewayv2/api":
            return {
                "executionArn": f"arn:aws:execute-api:{r}:{ACCOUNT}:{ident}",
                "apiEndpoint": f"https://{ident}.execute-api.{r}.amazonaws.com",
            }
        case "apigateway/stage" | "apigatewayv2/stage":
            return {"invokeUrl": f"https://{digest(n)}.execute-api.{r}.amazonaws.com/{inputs.get('stageName', n)}"}
        case "lb/loadBalancer" | "alb/loadBalancer":
            return {
                "dnsName": f"{n}-{digest(n, length=9)}.{r}.elb.amazonaws.com",
                "zoneId": "Z1LMS91P8CMLE5",
                "arnSuffix": f"app/{n}/{digest(n, length=16)}",
            }
        case "lb/targetGroup" | "alb/targetGroup":
            return {"arnSuffix": f"targetgroup/{n}/{digest(n, length=16)}"}
        case "cloudfront/distribution":
            return {
                "domainName": f"d{digest(n, length=13)}.cloudfront.net",
                "hostedZoneId": "Z2FDTNDATAQYW2",
                "status": "Deployed",
            }
        case "ecr/repository":
            return {"repositoryUrl": f"{ACCOUNT}.dkr.ecr.{r}.amazonaws.com/{n}", "registryId": ACCOUNT}
        case "eks/cluster":
            return {
                "endpoint": f"https://{digest(n, length=32).upper()}.gr7.{r}.eks.amazonaws.com",
                "certificateAuthority": {"data": "LS0tLS1CRUdJTi=="},
                "version": inputs.get("version", "1.31"),
            }
        case "ecs/taskDefinition":
            return {"revision": 1, "arnWithoutRevision": arn}
        case "iam/role" | "iam/user" | "iam/policy":
            return {"uniqueId": f"AROA{digest(n, length=17).upper()}"}
        case "secretsmanager/secret":
            return {"arn": arn}
        case "sfn/stateMachine":
            return {"status": "ACTIVE", "creationDate": "2026-01-01T00:00:00Z"}
        case "ec2/instance":
            return {
                "publicIp": "203.0.113.10",
                "privateIp": "172.31.0.10",
                "publicDns": f"ec2-203-0-113-10.{r}.compute.amazonaws.com",
            }
        case "ec2/vpc":
            return {
                "defaultSecurityGroupId": f"sg-{digest(n, length=17)}",
                "mainRouteTableId": f"rtb-{digest(n, length=17)}",
            }
    return {}


def other_outputs(typ: str, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    match typ:
        case "random:index/randomPassword:RandomPassword" | "random:index/randomString:RandomString":
            return {"result": "x" * int(inputs.get("length", 16))}
        case "random:index/randomId:RandomId":
            hex_value = digest("id", name, length=2 * int(inputs.get("byteLength", 8)))
            return {"hex": hex_value, "dec": str(int(hex_value, 16)), "b64Url": hex_value, "b64Std": hex_value}
        case "random:index/randomPet:RandomPet":
            return {"id": "preview-pet"}
        case "random:index/randomInteger:RandomInteger":
            return {"result": int(inputs.get("min", 0))}
        case "tls:index/privateKey:PrivateKey":
            return {
                "privateKeyPem": "-----BEGIN PRIVATE KEY-----\npreview\n-----END PRIVATE KEY-----\n",
                "publicKeyOpenssh": "ssh-rsa AAAAPREVIEW",
                "publicKeyPem": "-----BEGIN PUBLIC KEY-----\npreview\n",
            }
        case "command:local:Command" | "command:remote:Command":
            return {"stdout": "", "stderr": ""}
    return {}
