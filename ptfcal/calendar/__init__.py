"""Model + year -> events: date rules, Mali's working days, who takes part, the scheduler."""
