"""The names of convening's files, for the modules that only need to recognise them (`generate`
refusing a folder of personal data must not import the mail machinery to know them)."""

OUTBOX_FOLDER = ".ptfcal-outbox"  # invite's default outbox, in the configuration folder
OUTBOX_FILE = "outbox.json"  # the journal of what was sent, in the outbox folder
