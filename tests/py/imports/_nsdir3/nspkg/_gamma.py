WHERE = "dir3"
