"""The domain: the plan as a value and the rules and arithmetic of SPEC 1 on it."""
