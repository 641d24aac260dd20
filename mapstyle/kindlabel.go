package mapstyle

// KindLabel names a kind for people: "Oil field", "Country"; a kind it
// does not know is returned as it is.
func KindLabel(kind string) string {
	if k, ok := Kinds[kind]; ok {
		return k.Label
	}
	switch kind {
	case "country":
		return "Country"
	case "lake":
		return "Lake"
	case "former-lake":
		return "Former lake"
	}
	return kind
}
