"""Normalise a Pulumi resource (type, props, provider, stack config, graph) into ResourceFacts."""
