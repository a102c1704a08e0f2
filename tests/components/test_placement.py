"""Components refuse a class that may not live in their provider's region, before anything registers."""

from pathlib import Path

import pytest

from residency.gate.engine.launcher import ProgramError, run_program
from residency.gate.project import load_project
from tests.gate.projects import write_project

PROGRAM = """
import pulumi_aws as aws
from components import Placement, RegionalBucket, RegionalBucketArgs, RegionalKey, RegionalKeyArgs, Residence
from residency.model.data_classes import DataClass
from residency.model.posture import Posture
from residency.model.regions import Region
from residency.model.stack_settings import StackSettings
from datetime import date

posture = Posture(StackSettings(), date(2026, 11, 27))
place = Placement(Region.SG_SIN_1, aws.Provider("sin", region="ap-southeast-1"))
res = Residence(DataClass.{cls}, posture)
key = RegionalKey("k", RegionalKeyArgs(res, place))
RegionalBucket("b", RegionalBucketArgs(res, place, key))
"""


def test_a_pii_bucket_in_singapore_under_id_only_is_refused(tmp_path: Path) -> None:
    root = write_project(tmp_path, PROGRAM.format(cls="CUSTOMER_PII"), prelude=False)
    with pytest.raises(ProgramError) as err:
        run_program(load_project(root, "dev"), timeout=60)
    assert str(err.value) == (
        "program: ResidencyComponentError: RegionalKey 'k' (collection platform): customer-pii may not live in ap-southeast-1 (sg-sin-1); "
        "allowed: id-jkt-1 (ap-southeast-3) (sg-sin-1 needs dataResidency ID-SG with an SCC covering it: "
        "the org is dataResidency ID-only) (at __main__.py:13)"
    )


def test_software_artifacts_may_live_in_singapore(tmp_path: Path) -> None:
    root = write_project(tmp_path, PROGRAM.format(cls="SOFTWARE_ARTIFACT"), prelude=False)
    run = run_program(load_project(root, "dev"), timeout=60)
    assert any(r["type"] == "aws:s3/bucket:Bucket" for r in run.resources)


TRAIL = """
import pulumi_aws as aws
from components import DataMovementAuditTrail, DataMovementAuditTrailArgs, Placement, RegionalKey, RegionalKeyArgs
from components import Residence
from residency.model.data_classes import DataClass
from residency.model.posture import Posture
from residency.model.regions import Region
from residency.model.settings import OrgSettings
from residency.model.stack_settings import StackSettings
from datetime import date

org = OrgSettings.model_validate({"dataResidency": "ID-SG", "scc": {"reference": "SCC-1", "signedOn": "2026-07-01",
                                  "destinations": ["sg-sin-1"], "expires": "2028-06-30"}})
posture = Posture(StackSettings(org=org), date(2026, 11, 27))
place = Placement(Region.{region}, aws.Provider("p", region="{aws}"))
res = Residence(DataClass.DATA_MOVEMENT_AUDIT, posture)
DataMovementAuditTrail("trail", DataMovementAuditTrailArgs(res, place, RegionalKey("k", RegionalKeyArgs(res, place))))
"""


def test_the_data_movement_trail_is_placed_by_the_model_even_under_id_sg(tmp_path: Path) -> None:
    root = write_project(
        tmp_path, TRAIL.replace("{region}", "SG_SIN_1").replace("{aws}", "ap-southeast-1"), prelude=False
    )
    with pytest.raises(ProgramError, match=r"data-movement-audit may not live in ap-southeast-1"):
        run_program(load_project(root, "dev"), timeout=60)
    allowed = write_project(
        tmp_path / "jkt", TRAIL.replace("{region}", "ID_JKT_1").replace("{aws}", "ap-southeast-3"), prelude=False
    )
    run = run_program(load_project(allowed, "dev"), timeout=60)
    assert any(r["type"] == "aws:cloudwatch/logGroup:LogGroup" for r in run.resources)
