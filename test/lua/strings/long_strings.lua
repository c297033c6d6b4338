-- checks: long bracket strings of various levels and newline handling
local a = [[
first line
second line]]
print(a, #a)
local b = [==[
contains ]] and ]=] inside]==]
print(b)
print([[no escapes \n \t here]])
print(#[[

x]])
local c = [=[
]=]
print(#c, c == "")
print([[a]] .. [=[b]=] .. [===[c]===])
--[[ long
comment ]] print("after long comment")
--[==[ another
]] still comment ]==] print("after level-2 comment")
