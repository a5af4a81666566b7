"""Returned sheets as an adherence report: what was done, what was missed, pain.

- `adherence`: reads returned sheets (through makeplan.pdfs.returned) into the
  `Report` values, and the plan a sheet carries;
- `formats`: writes a `Report` as a table, JSON or CSV.

The chart of a report is drawn by makeplan.render.chart (reportlab).
"""
