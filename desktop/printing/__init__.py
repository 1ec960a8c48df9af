"""The print flow: the print dialog, its preview drawn from the PDF in memory, and the paper."""
