-- checks: a tiny markdown-to-HTML converter using gsub patterns
local function inline(s)
  s = s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;")
  s = s:gsub("%*%*(.-)%*%*", "<b>%1</b>")
  s = s:gsub("%*(.-)%*", "<i>%1</i>")
  s = s:gsub("`(.-)`", "<code>%1</code>")
  s = s:gsub("%[(.-)%]%((.-)%)", '<a href="%2">%1</a>')
  return s
end
local function convert(md)
  local out, in_list = {}, false
  for line in (md .. "\n"):gmatch("(.-)\n") do
    local level, title = line:match("^(#+)%s+(.*)$")
    local item = line:match("^%-%s+(.*)$")
    if in_list and not item then out[#out + 1] = "</ul>"; in_list = false end
    if level then out[#out + 1] = string.format("<h%d>%s</h%d>", #level, inline(title), #level)
    elseif item then
      if not in_list then out[#out + 1] = "<ul>"; in_list = true end
      out[#out + 1] = "<li>" .. inline(item) .. "</li>"
    elseif line:match("^%s*$") then
    else out[#out + 1] = "<p>" .. inline(line) .. "</p>" end
  end
  if in_list then out[#out + 1] = "</ul>" end
  return table.concat(out, "\n")
end
print(convert([[
# Title with *emphasis*
Some **bold** text and `code <x>` & a [link](http://example.com).

## List
- first *item*
- second **item**
plain paragraph after list]]))
