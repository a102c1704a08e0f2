"""The preventive line at the AWS API: a Service Control Policy derived from the org settings."""
