"""Holding the meetings: the follow-up of their actions (`followup`), the verbs that record them
(`verbs`). A meeting's record itself is `ptfcal.meeting.MeetingRecord`, on `Event.record`."""
