print("pkga loaded")
VALUE = "a"
