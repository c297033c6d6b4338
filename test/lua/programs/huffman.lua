-- checks: Huffman coding with deterministic tie-breaking, encode/decode round trip
local text = "this is an example of a huffman tree"
local freq = {}
for c in text:gmatch(".") do freq[c] = (freq[c] or 0) + 1 end
local nodes = {}
for c, f in pairs(freq) do nodes[#nodes + 1] = {f = f, key = c, sym = c} end
local function less(a, b) if a.f ~= b.f then return a.f < b.f end return a.key < b.key end
while #nodes > 1 do
  table.sort(nodes, less)
  local a = table.remove(nodes, 1)
  local b = table.remove(nodes, 1)
  nodes[#nodes + 1] = {f = a.f + b.f, key = a.key .. b.key, left = a, right = b}
end
local codes = {}
local function walk(n, prefix) if n.sym then codes[n.sym] = prefix == "" and "0" or prefix return end walk(n.left, prefix .. "0") walk(n.right, prefix .. "1") end
walk(nodes[1], "")
local syms = {}
for c in pairs(codes) do syms[#syms + 1] = c end
table.sort(syms)
for _, c in ipairs(syms) do io.write(string.format("%q", c), "=", codes[c], " ") end
print()
local bits = text:gsub(".", codes)
print(#bits, #text * 8)
local rev = {}
for c, code in pairs(codes) do rev[code] = c end
local out, cur = {}, ""
for b in bits:gmatch(".") do cur = cur .. b; if rev[cur] then out[#out + 1] = rev[cur]; cur = "" end end
print(table.concat(out) == text)
