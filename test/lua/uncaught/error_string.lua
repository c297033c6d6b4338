-- checks: uncaught error("...") reports position, exit status 1, and prior output is kept
print("before the error")
error("something went wrong")
