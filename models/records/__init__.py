"""The records of the domain: one per sheet of the scenario workbook, the
:class:`~models.records.scenario.Scenario` that holds them, the items
derived from it, and the schedule the engine writes. Plain data; the
services that read and judge them (validation, reasons, audience,
changes, the checker) live beside this package in :mod:`models`."""
