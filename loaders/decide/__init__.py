"""The decide stage: one module per decision (issuer, owners, status), each with one
documented priority and the rule that decided kept on the result."""
