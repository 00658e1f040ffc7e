"""Writers of schedule workbooks (openpyxl) and calendars."""
