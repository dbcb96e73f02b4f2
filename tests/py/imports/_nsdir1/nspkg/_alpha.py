WHERE = "dir1"
