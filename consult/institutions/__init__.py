"""Institutions: ministries and public bodies (administered from consult.admin)."""
