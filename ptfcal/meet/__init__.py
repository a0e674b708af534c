"""Holding the meetings (issue 21). A meeting's record itself is `ptfcal.meeting.MeetingRecord`,
read from the year file onto `Event.record`; this package works on it:

- `followup`: the actions across meetings and years, the « Suivi des recommandations » of a
  meeting, overdue actions as of a date, the next free action id (its docstring gives the API
  the minutes, the convocation and the report use);
- `verbs`: agenda, attendance, decision, action and its closing, as edits that
  `record.session.apply` validates, previews, journals and undoes;
- `render`: the ordre du jour and the follow-up matrix as text, CSV and JSON
  (docs/agenda-json.md, docs/actions-json.md);
- `minutes`: the compte rendu (`ptfcal minutes`).
"""
