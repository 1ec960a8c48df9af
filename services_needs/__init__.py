"""Needs-assessment domain: domains and scale, goals, action steps, referrals, resource directory,
vital-records recovery tracker.

Headless: no Qt. Reaches the youth through `casefile`; never imports `planning`.
"""
