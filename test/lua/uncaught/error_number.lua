-- checks: uncaught numeric error value is printed as a number
error(42)
