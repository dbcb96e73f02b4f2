NAME = "caf\u00e9"
