-- checks: backtracking behaviour of greedy and lazy quantifiers
print(("aaaa"):match("(a*)(a)"), ("aaaa"):match("(a-)(a+)"), ("abab"):match("(.*)b"), ("abab"):match("(.-)b"))
print(("<<x>>"):match("<(.*)>"), ("<<x>>"):match("<(.-)>"), ("123abc456"):match("^(%d*)(.-)(%d*)$"))
print(("aaab"):match("a-b"), ("aaab"):match("^a-$"), ("ab"):match("a?ab"))
