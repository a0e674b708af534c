"""Events -> what partners read: ICS feeds, change tracking, exports, the index page, the
planner, atomic writes and the read-only server."""
