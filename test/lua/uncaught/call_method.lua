-- checks: uncaught "attempt to call a nil value (method 'frobnicate')"
local obj = {}
obj:frobnicate()
