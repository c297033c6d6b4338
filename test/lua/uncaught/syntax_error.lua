-- checks: a syntax error in the main script is reported with file and line, exit 1
print("this never runs")
local x = = 2
