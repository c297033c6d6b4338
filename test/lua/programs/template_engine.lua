-- checks: a template engine compiling {{expr}} and {% code %} templates into Lua functions via load
local function compile(tpl)
  local code = {"local _out = {} "}
  local pos = 1
  while true do
    local s, e, kind, body = tpl:find("{([{%%])(.-)[}%%]}", pos)
    if not s then break end
    code[#code + 1] = string.format("_out[#_out+1] = %q ", tpl:sub(pos, s - 1))
    if kind == "{" then code[#code + 1] = "_out[#_out+1] = tostring(" .. body .. ") "
    else code[#code + 1] = body .. " " end
    pos = e + 1
  end
  code[#code + 1] = string.format("_out[#_out+1] = %q ", tpl:sub(pos))
  code[#code + 1] = "return table.concat(_out)"
  return function(env)
    setmetatable(env, {__index = _G})
    local f, err = load(table.concat(code), "=template", "t", env)
    if not f then return "compile error: " .. err end
    local ok, res = pcall(f)
    return ok and res or ("runtime error: " .. res)
  end
end
local page = compile([[Hello {{name}}!
{% for i, item in ipairs(items) do %}  {{i}}. {{item.title}} ({{string.format("%.2f", item.price)}})
{% end %}Total: {{#items}} items]])
print(page({name = "World", items = {{title = "Book", price = 12.5}, {title = "Pen", price = 1.25}}}))
print(compile("{{ 1 + }}")({}))
print(compile("{{ missing.field }}")({}))
