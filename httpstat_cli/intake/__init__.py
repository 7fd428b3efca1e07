"""Reading what other tools print: response heads from curl, wget and HTTPie, access logs in
several formats, counted as they stream past or annotated line by line.

Nothing here knows click or rich: the command layer parses options and renders the results.
"""
