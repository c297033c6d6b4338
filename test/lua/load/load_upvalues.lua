-- checks: chunks loaded at runtime see globals but not caller locals
local secret = "local"
visible = "global"
print(load("return secret, visible")())
local counter = load("count = (count or 0) + 1; return count")
counter(); counter()
print(counter(), count)
