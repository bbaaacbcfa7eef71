"""Finance agent: estimates, plan vs actual, ROI, price optimisation and forecasts.

Every figure is computed here, in Decimal, from stated inputs; a language model only explains.
"""
