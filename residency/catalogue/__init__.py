"""The generator of the resource-type catalogue (`residency/model/catalogue.json`): discovery, roles, writing.

Run `python -m residency.catalogue` after a provider upgrade; review the diff by hand (roles are a security
decision), then commit the regenerated file.
"""
