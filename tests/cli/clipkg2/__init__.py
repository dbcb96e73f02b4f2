print("package used as __main__")
