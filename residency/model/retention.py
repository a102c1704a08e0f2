"""Retention periods: CloudWatch Logs accepts only a fixed list, and audit classes have a floor."""

CLOUDWATCH_RETENTION_DAYS: tuple[int, ...] = (
    1,
    3,
    5,
    7,
    14,
    30,
    60,
    90,
    120,
    150,
    180,
    365,
    400,
    545,
    731,
    1096,
    1827,
    2192,
    2557,
    2922,
    3288,
    3653,
)

RDS_MAX_BACKUP_RETENTION_DAYS = 35


def accepted_values() -> str:
    return ", ".join(str(d) for d in CLOUDWATCH_RETENTION_DAYS)
