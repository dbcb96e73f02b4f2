WHERE = "dir1 inner"
