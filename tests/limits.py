"""Query budgets shared by several apps' tests (one place, so that a new app's block changes one number)."""

# The home page holds every app's block (each reads its items, and pages their view restrictions): the budget grows
# with the apps, never with the items listed.
HOME_MAX_QUERIES = 26
