"""The scenario library (YAML files beside this one); see README.md here."""
