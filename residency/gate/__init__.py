"""The offline preview gate: run a Pulumi program on the SDK's mock engine and serve it to a policy pack."""
