print("clipkg/__init__:", __name__, __package__)
