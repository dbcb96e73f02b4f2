# case conversion with full mappings and final sigma
for s in ["straße", "ﬁne ﬂy", "ŉ", "ΐ", "İstanbul", "ΑΣ ΣΑ ΑΣ. Σ", "ὈΔΥΣΣΕΎΣ", "ǅemal", "ǆ", "hello wORLD", "it's 3rd", "ß", "abc", ""]:
    print(repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.swapcase()), repr(s.title()), repr(s.capitalize()))
print("ΑΣ\u0345".lower(), "Σ".lower(), "aΣ".lower(), "aΣb".lower(), "a.Σ".lower(), "aΣ'".lower(), "Aʹ Σ".lower())
print("ꭰ".upper(), "Ꭰ".casefold(), "ſ".casefold(), "ϐ".casefold(), "ᾳ".upper(), "ᾳ".title(), "ᾼ".lower())
