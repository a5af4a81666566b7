"""`makeplan serve`: the whole workflow in a browser, for clinicians (the web extra).

    app.py        the Flask app: routes, each calling the library's jobs
    forms.py      the form's fields (from the table of sheet options), read into a request
    security.py   CSRF tokens, response headers, the Host check, upload sniffing
    workspace.py  one request's private folder for uploads, removed after the answer
    preview.py    PDF pages as PNG pictures (pypdfium2)
    svg.py        pictograms as SVG, drawn from the same shapes as the PDF's
    server.py     the threaded server on 127.0.0.1, and opening the browser
    templates/    the pages (Jinja); static/: the stylesheet and the vendored htmx

Flask and pypdfium2 are imported only here, and only by `makeplan serve`.
"""
