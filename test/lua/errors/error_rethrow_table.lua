-- checks: structured exceptions with try/catch helpers
local function try(f, catch)
  local ok, e = pcall(f)
  if not ok then return catch(e) end
  return e
end
local function throw(kind, detail) error({kind = kind, detail = detail}, 2) end
print(try(function() throw("IOError", "disk") end, function(e) return e.kind .. ":" .. e.detail end))
print(try(function() return "fine" end, function() return "never" end))
print(try(function() local x = nil; return x.y end, function(e) return "runtime: " .. (type(e) == "string" and "string" or "other") end))
