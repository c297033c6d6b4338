-- checks: uncaught "attempt to call a nil value (global 'undefined_function')"
print("calling")
undefined_function(1, 2)
