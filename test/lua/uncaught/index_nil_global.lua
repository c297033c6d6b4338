-- checks: uncaught "attempt to index a nil value (global 'settings')"
local x = settings.value
