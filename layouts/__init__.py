"""Page and panel layouts: functions that return components. No data access."""
