"""Events + model -> findings: every rule of the texts as data, suggestions, reports."""
