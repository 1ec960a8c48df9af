"""Safety-plan domain: sections, plan items, versions, review schedule, missing-from-care debrief.

Headless: no Qt. Reaches the youth through `casefile`; never imports `services_needs`.
"""
