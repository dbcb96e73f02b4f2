x = a‐b
