-- checks: table.sort on numbers and strings, default and custom comparators
local nums = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0, -1, 2.5}
table.sort(nums)
print(table.concat(nums, " "))
table.sort(nums, function(a, b) return a > b end)
print(table.concat(nums, " "))
local words = {"pear", "Apple", "banana", "apple", "Cherry", "fig"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return a:lower() < b:lower() or (a:lower() == b:lower() and a < b) end)
print(table.concat(words, " "))
local one, empty = {1}, {}
table.sort(one); table.sort(empty)
print(#one, #empty)
