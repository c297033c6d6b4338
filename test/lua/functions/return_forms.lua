-- checks: return with no values, parenthesized returns, and return in main chunk blocks
local function none() return end
local function paren() return (("a"):rep(2, ",")) end
local function multi() return 1, 2, 3 end
local function wrapped() return (multi()) end
print(select("#", none()), paren(), select("#", wrapped()), wrapped())
local function early(x)
  if x then return "early" end
  do return "block" end
end
print(early(true), early(false))
