"""Browser tests (real Chromium): journeys, accessibility, mobile, page weight, HTML validity."""
