-- checks: io.read("n") as liolib's read_number: greedy prefix, look-ahead, failures and what they consume
local name = os.tmpname()

local function show(v)
  if v == nil then return "nil" end
  if type(v) == "string" then return string.format("%q", v) end
  return math.type(v) .. " " .. tostring(v)
end

-- writes `input`, reads it with the formats, prints the results and the rest of the file
local function try(input, ...)
  local f = assert(io.open(name, "wb"))
  f:write(input)
  f:close()
  f = assert(io.open(name, "rb"))
  local r = table.pack(f:read(...))
  local out = {}
  for i = 1, r.n do out[i] = show(r[i]) end
  print(string.format("%q", input), table.concat(out, ", "), string.format("rest %q", f:read("a")))
  f:close()
end

for _, s in ipairs({
  "1e x", "  -x", "0x", "1.5e+", "0xg", "1..2", "- 1", "12abc", "", "   ", "\n\t 42\n",
  "0", "00", "007", "-0", "+5", "--5", "+-5", "3.", ".5", ".", "-.5e1", "1e10", "1E-2", "1e", "1e+",
  "0x10", "0X1F", "0xA.8p1", "0x.8", "0x1p", "0x1p-2", "0x1P+4z", "0xffffffffffffffff", "0x7fffffffffffffff",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1.5e308", "1e400", "inf", "nan",
  "0x1e2", "1e2.5", "12 34", "1,5", "5-3", "0e", "0x0p", "١",
}) do
  try(s, "n")
end

try("1 2 3", "n", "n", "n")
try("1 x 3", "n", "n", "n")
try("10 rest of line\nnext", "n", "l", "l")
try("3.25\n", "n", "n")
try(string.rep("1", 199) .. " tail", "n")
try(string.rep("1", 200) .. " tail", "n")
try(string.rep("1", 201) .. " tail", "n")
try("0x" .. string.rep("0", 197) .. "1", "n")
try(string.rep(" ", 300) .. "5", "n")
try("*n works", "*n")

os.remove(name)
