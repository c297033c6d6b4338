error(3.0)
