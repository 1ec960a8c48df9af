"""ReportLab documents: the full and discreet plan, the wallet card and the assessment.

Headless: no Qt. Builds every document in memory.
"""
