print("helper loaded")
