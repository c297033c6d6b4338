-- checks: uncaught assert failure without a message
assert(1 == 2)
