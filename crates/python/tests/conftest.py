"""Fixtures of the Python package tests. The articles are written for these tests."""

import pytest

ALEPPO = """Rebels shell Aleppo market

ALEPPO, Syria — Syrian rebels shelled a crowded market in Aleppo on Monday, killing at least 12 civilians and wounding 30 others, according to the Syrian Observatory for Human Rights.

"This was a massacre," said Rami Abdel Rahman, the head of the monitoring group.

Russian and Turkish diplomats met in Geneva on Tuesday but failed to agree on a ceasefire.
"""

ZURICH = """Protesters march in Zürich

Thousands of people marched through Zürich on Saturday to protest against the new pension law, police said.

Officers arrested five protesters after clashes near the main station, a police spokeswoman said.
"""

HARBOUR_HTML = """<!doctype html>
<html><head>
<title>Dock workers strike in Rotterdam | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta property="article:published_time" content="2021-03-04T08:00:00Z">
<link rel="canonical" href="https://harbour.example/strike">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Dock workers strike in Rotterdam</h1>
<p>Dock workers in Rotterdam walked off the job on Wednesday, demanding higher wages from port operators.</p>
<p>The union said the strike would continue until the employers agreed to negotiate.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>
"""


@pytest.fixture
def aleppo() -> str:
    return ALEPPO


@pytest.fixture
def zurich() -> str:
    return ZURICH


@pytest.fixture
def harbour_html() -> str:
    return HARBOUR_HTML


@pytest.fixture
def articles() -> list:
    """Three articles as JSON-line dicts."""
    return [
        {"id": "aleppo", "text": ALEPPO, "published": "2016-12-14", "source": "Test Wire"},
        {"id": "zurich", "text": ZURICH, "published": "2019-06-15", "source": "Test Wire"},
        {"id": "harbour", "html": HARBOUR_HTML},
    ]
