"""Planning the year: the occurrences that may move, the rules of checks.yaml compiled into
constraints (problem), a constraint solver that proposes their dates (solver, the only module
importing OR-Tools), the proposal checked by the checker and recorded through the recording
verbs (proposal), and the Ministry's harmonised calendar of reviews read from a spreadsheet
(circular)."""
