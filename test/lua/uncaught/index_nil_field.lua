-- checks: uncaught "attempt to index a nil value (field 'inner')"
local t = {outer = {}}
print(t.outer.inner.value)
