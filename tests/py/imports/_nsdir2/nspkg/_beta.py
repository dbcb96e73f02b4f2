WHERE = "dir2"
