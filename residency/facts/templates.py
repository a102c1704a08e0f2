"""Resources that deploy a template the pack cannot read: where what they create lives cannot be determined.

A CloudFormation stack whose template sits at a URL, a Service Catalog product (its template is in the
catalogue), a Serverless Application Repository application, a SageMaker project provisioned from a product: each
creates whatever its template says (a global table with a replica abroad, a bucket replicating to a partner, a
store in another region), and that template is not among the program's inputs. The pack judges the resources a
program declares; one that declares "whatever that file says" is judged as placed in a region that cannot be
determined (fail closed), with the reason naming the template. An inline template is text the pack reads like any
definition, unless it pulls in other templates the same way (nested stacks, includes, applications, products).
"""

import re

from residency.facts.resource import ResourceInput
from residency.facts.values import is_unknown, reveal

CFN_STACK = "aws:cloudformation/stack:Stack"
ALWAYS_HIDDEN = {
    "aws:servicecatalog/provisionedProduct:ProvisionedProduct": "a Service Catalog product, whose template is in the "
    "catalogue",
    "aws:serverlessrepository/cloudFormationStack:CloudFormationStack": "a Serverless Application Repository "
    "application, whose template is in the repository",
}
SAGEMAKER_PROJECT = "aws:sagemaker/project:Project"
NESTED = re.compile(
    r"TemplateURL|AWS::Include|AWS::Serverless::Application|AWS::ServiceCatalog::CloudFormationProvisionedProduct"
    r"|AWS::CloudFormation::Stack\b"
)
"""Template text that deploys another template the inline text does not hold."""

UNSEEN = "the resources it creates, and the regions they are in, cannot be determined"


def _shown(value: object) -> str:
    return value if isinstance(value, str) and value and not is_unknown(value) else "a template unknown during preview"


def hidden_template(res: ResourceInput) -> str | None:
    """Why the resources `res` deploys cannot be seen, or None when it deploys nothing unseen."""
    kind = ALWAYS_HIDDEN.get(res.type)
    if kind is not None:
        return f"{res.name} deploys {kind}: {UNSEEN}"
    if res.type == SAGEMAKER_PROJECT:
        details = reveal(res.props.get("serviceCatalogProvisioningDetails"))
        if details:
            return f"{res.name} provisions a Service Catalog product, whose template is in the catalogue: {UNSEEN}"
        return None
    if res.type != CFN_STACK:
        return None
    body = reveal(res.props.get("templateBody"))
    if not isinstance(body, str) or not body.strip() or is_unknown(body):
        where = _shown(reveal(res.props.get("templateUrl")))
        return f"{res.name} deploys the CloudFormation template at {where}, which is not in the program: {UNSEEN}"
    nested = NESTED.search(body)
    if nested is not None:
        return (
            f"{res.name}'s template pulls in another template ({nested.group(0)}), which is not in the program: "
            f"{UNSEEN}"
        )
    return None
