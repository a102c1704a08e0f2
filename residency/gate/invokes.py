"""Answers for data sources (invokes) on the mock engine; an unknown invoke yields unknown, never a guess."""

from typing import Any

from residency.facts.values import UNKNOWN
from residency.gate.arns import ACCOUNT


def answer_invoke(token: str, args: dict[str, Any], region: str | None) -> dict[str, Any]:
    r = region or UNKNOWN
    if token in ("aws:index/getRegion:getRegion", "aws:index/region:getRegion"):
        return {"name": r, "region": r, "id": r, "endpoint": f"ec2.{r}.amazonaws.com", "description": r}
    if token == "aws:index/getCallerIdentity:getCallerIdentity":
        return {
            "accountId": ACCOUNT,
            "arn": f"arn:aws:iam::{ACCOUNT}:user/preview",
            "userId": "AIDPREVIEW",
            "id": ACCOUNT,
        }
    if token == "aws:index/getPartition:getPartition":
        return {"partition": "aws", "dnsSuffix": "amazonaws.com", "id": "aws", "reverseDnsPrefix": "com.amazonaws"}
    return {}
