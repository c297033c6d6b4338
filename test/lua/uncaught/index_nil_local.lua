-- checks: uncaught "attempt to index a nil value (local 'cfg')"
local cfg
print("loading")
print(cfg.port)
