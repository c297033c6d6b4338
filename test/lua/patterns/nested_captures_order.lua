-- checks: capture numbering by opening parenthesis order
print(("abcd"):match("((a)(b)((c)(d)))"))
print(("abcd"):gsub("((a)(b))", "%3%2%1"))
print(("date: 2024/12/31"):gsub("(%d+)/(%d+)/(%d+)", "%3.%2.%1"))
