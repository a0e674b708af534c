"""Holding the meetings: the follow-up of their actions (`followup`), the verbs that record them
(`verbs`), the compte rendu of one meeting (`minutes`). A meeting's record itself is
`ptfcal.meeting.MeetingRecord`, on `Event.record`."""
