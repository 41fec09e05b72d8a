"""The patrol-report form (placeholder of the skeleton; filled by the report-form work)."""
