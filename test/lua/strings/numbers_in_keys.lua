-- checks: string keys vs number keys are distinct in tables
local t = {}
t["1"] = "string one"; t[1] = "number one"
print(t["1"], t[1], t[1.0], t[tonumber("1")])
t["1.0"] = "string 1.0"
print(t["1.0"], t[1])
