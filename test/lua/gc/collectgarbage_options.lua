-- collectgarbage's mode (lua.c starts the collector in generational mode) and the pause and
-- step multiplier, each call returning the previous value (kept in quarters, as lua_gc does)
print(collectgarbage("incremental"), collectgarbage("generational"), collectgarbage("generational"))
print(collectgarbage("setpause", 100), collectgarbage("setpause", 101), collectgarbage("setpause"), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 100))
