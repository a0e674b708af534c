"""Recording the year by command: references to occurrences, the verbs as small edits of the
configuration's files, the journal that undoes them, and the preview of their consequences."""
