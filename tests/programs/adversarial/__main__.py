"""Runs the case its stack names (`adversarial:case`): each case is one route out of Jakarta."""

import importlib

import pulumi

importlib.import_module(f"cases.{pulumi.Config('adversarial').require('case')}")
