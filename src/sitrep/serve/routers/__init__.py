"""One router per resource: events, articles, stats (with health), and the page."""
