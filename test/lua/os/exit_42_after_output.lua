-- checks: many lines of output are flushed before os.exit(42)
for i = 1, 200 do print("line " .. i) end
os.exit(42)
