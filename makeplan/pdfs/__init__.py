"""PDF input and output past the drawing: the only package that uses pypdf.

- `opening`: a PDF a user gave, opened with limits (size, unlocking, damage),
  with one clear message when it cannot be;
- `covers`: a clinic's cover pages, made inert and merged in front of a sheet;
- `returned`: what a sheet that came back holds (attachments, field values,
  the sheet mark of each page);
- `pack`: the last rewrite of every file makeplan writes, small objects into
  compressed object streams (pure Python, no pypdf).

pypdf is imported inside the functions that use it, so `makeplan --help` and
`makeplan list` never load it. Nothing is re-exported here: importing `pack`,
which every build needs, does not import the modules that read PDFs.
"""
