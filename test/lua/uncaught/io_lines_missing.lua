-- checks: io.lines on a file that cannot be opened raises lua5.4's message
print("before")
for l in io.lines("/nonexistent-dir/missing.txt") do print(l) end
