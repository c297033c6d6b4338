-- strings: string building and the string library.
-- Per round: string.format into a table + table.concat, repeated `..` appends,
-- gsub with a pattern and captures, gsub with a function, gmatch splitting,
-- plain find, sub/byte scanning, upper/lower/rep/reverse.
-- Only integer and exactly representable values are formatted.
-- Size: rounds (default 10000).
local rounds = math.tointeger(tonumber(arg and arg[1])) or 10000

local words = { "amber", "basil", "cedar", "dune", "ember", "fjord", "grove", "heath" }
local fmt, concat = string.format, table.concat

local hash, total = 0, 0
local function absorb(s)
  local h = hash
  for i = 1, #s, 5 do
    h = (h * 31 + s:byte(i)) % 1000003
  end
  hash = h
  total = (total + #s) % 1000003
end

for r = 1, rounds do
  -- format + concat
  local parts = {}
  for i = 1, 24 do
    parts[i] = fmt("%s-%03d:%.2f", words[(r + i) % 8 + 1], (r * i) % 1000, i * 0.25)
  end
  local line = concat(parts, ",")

  -- captures and reordering
  local swapped, nswap = line:gsub("(%a+)%-(%d+)", "%2@%1")

  -- replacement through a function (a returned number becomes its decimal text)
  local digits = 0
  local squeezed = swapped:gsub("%d+", function(d)
    digits = digits + #d
    return #d
  end)

  -- splitting with gmatch
  local fields, longest = 0, 0
  for field in line:gmatch("[^,]+") do
    fields = fields + 1
    if #field > longest then
      longest = #field
    end
  end

  -- plain find loop
  local pos, found = 1, 0
  while true do
    local a, b = line:find("e", pos, true)
    if not a then
      break
    end
    found = found + 1
    pos = b + 1
  end

  -- `..` appends and sub
  local acc = ""
  for i = 1, 20 do
    acc = acc .. words[i % 8 + 1]:sub(2, 4) .. i
  end
  local mirrored = acc:upper() .. acc:reverse() .. ("ab"):rep(r % 5 + 1, "|")

  absorb(squeezed)
  absorb(mirrored:lower())
  absorb(line:sub(r % 50 + 1, r % 50 + 40))
  hash = (hash + nswap + digits + fields * 7 + longest + found) % 1000003
end

print(fmt("strings rounds=%d hash=%d total=%d", rounds, hash, total))
