-- checks: inventory management with reports grouped by category (sorted output)
local items = {
  {sku = "A100", name = "Widget", cat = "tools", qty = 12, price = 2.50},
  {sku = "B200", name = "Gadget", cat = "tools", qty = 0, price = 12.00},
  {sku = "C300", name = "Apple", cat = "food", qty = 140, price = 0.35},
  {sku = "D400", name = "Bread", cat = "food", qty = 20, price = 2.25},
  {sku = "E500", name = "Lamp", cat = "home", qty = 3, price = 18.75},
  {sku = "F600", name = "Rug", cat = "home", qty = 1, price = 99.99},
}
local by_cat = {}
for _, it in ipairs(items) do
  local c = by_cat[it.cat] or {items = {}, value = 0}
  by_cat[it.cat] = c
  c.items[#c.items + 1] = it
  c.value = c.value + it.qty * it.price
end
local cats = {}
for k in pairs(by_cat) do cats[#cats + 1] = k end
table.sort(cats)
local grand = 0
for _, c in ipairs(cats) do
  local g = by_cat[c]
  table.sort(g.items, function(a, b) return a.name < b.name end)
  print(string.format("== %s (%d items, value %.2f)", c, #g.items, g.value))
  for _, it in ipairs(g.items) do
    print(string.format("  %-5s %-8s %4d x %7.2f %s", it.sku, it.name, it.qty, it.price, it.qty == 0 and "OUT" or (it.qty < 5 and "LOW" or "")))
  end
  grand = grand + g.value
end
print(string.format("total inventory value: %.2f", grand))
