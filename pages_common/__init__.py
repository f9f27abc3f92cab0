"""Helpers every page type shares (credits, the page-handler registry); the floor under the apps: imports none."""
