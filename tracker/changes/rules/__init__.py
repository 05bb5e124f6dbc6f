"""The summary rules, one module per kind of statement; tracker.changes.statements runs them in
order (RULES), keeps what is publishable and selects."""
