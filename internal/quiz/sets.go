package quiz

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// countryQuestions: find each country of the facts on the map, or name the
// one outlined. Every third is a choice, so a keyboard alone can play.
func (d data) countryQuestions(rng *rand.Rand) []Question {
	codes := slices.Clone(d.regional)
	rng.Shuffle(len(codes), func(i, j int) { codes[i], codes[j] = codes[j], codes[i] })
	var qs []Question
	for i, code := range codes {
		name := d.countryName(code)
		q := Question{Set: "countries", Answer: code, AnswerName: name, Layer: "countries", Where: d.label(code)}
		if i%3 == 2 {
			q.Prompt, q.Outline = "Which country is outlined on the map?", true
			if !choice(&q, rng, name, d.names(d.regional), nil) {
				continue
			}
		} else {
			q.Mode, q.Prompt, q.Area = Click, "Find "+name+" on the map.", d.area(code)
		}
		qs = append(qs, q)
	}
	return qs
}

// capitalQuestions: "What is the capital of X?" from the facts' capitals,
// and "Find <capital>" for the capitals in the cities layer, at most one
// question per country (the first would give the other away).
func (d data) capitalQuestions(rng *rand.Rand) []Question {
	var capitals []string
	for _, code := range d.regional {
		if c := d.facts.Countries[code].Capital; c != nil && c.Text != "" {
			capitals = append(capitals, c.Text)
		}
	}
	var qs []Question
	asked := map[string]bool{}
	for _, f := range d.layers["cities"] {
		p, ok := f.Geometry.(orb.Point)
		if f.Kind != "capital" || !ok || asked[f.Country] {
			continue
		}
		asked[f.Country] = true
		qs = append(qs, Question{Set: "capitals", Mode: Click, Prompt: "Find " + f.Name + " on the map.",
			Answer: f.ID, AnswerName: f.Name, Layer: "cities", Where: p})
	}
	for _, code := range d.regional {
		c := d.facts.Countries[code].Capital
		if c == nil || c.Text == "" || asked[code] && rng.IntN(2) == 0 {
			continue
		}
		// Replace the click question half the time, keeping one per country.
		qs = slices.DeleteFunc(qs, func(q Question) bool { return d.countryOf(q.Answer) == code })
		q := Question{Set: "capitals", Prompt: "What is the capital of " + d.countryName(code) + "?",
			Answer: code, AnswerName: c.Text, Layer: "countries", Where: d.label(code)}
		if city := d.capitalFeature(code, c.Text); city != nil {
			q.Answer, q.Layer, q.Where = city.ID, "cities", city.Geometry.(orb.Point)
		}
		if choice(&q, rng, c.Text, capitals, nil) {
			qs = append(qs, q)
		}
	}
	return qs
}

// capitalFeature is the cities layer's capital of a country with that
// name, or nil.
func (d data) capitalFeature(code, name string) *geo.Feature {
	for i, f := range d.layers["cities"] {
		if _, ok := f.Geometry.(orb.Point); ok && f.Kind == "capital" && f.Country == code && f.Name == name {
			return &d.layers["cities"][i]
		}
	}
	return nil
}

// countryOf is the country of a feature id in any layer, or "".
func (d data) countryOf(id string) string {
	for _, fs := range d.layers {
		for _, f := range fs {
			if f.ID == id {
				return f.Country
			}
		}
	}
	return ""
}

// fieldNouns name the energy point kinds in a question.
var fieldNouns = map[string]string{"oil-field": "oil field", "gas-field": "gas field", "oil-gas-field": "oil and gas field"}

// energyQuestions: where a field is, which country holds it, and which
// country a pipeline starts in.
func (d data) energyQuestions(rng *rand.Rand) []Question {
	var qs []Question
	for i, f := range d.layers["energy"] {
		noun, isField := fieldNouns[f.Kind]
		if isField {
			qs = append(qs, d.placeQuestion(rng, f, "energy", "the "+f.Name+" "+noun, i%2 == 1))
		}
		if strings.HasSuffix(f.Kind, "-pipeline") {
			if q, ok := d.startQuestion(rng, f); ok {
				qs = append(qs, q)
			}
		}
	}
	return compact(qs)
}

// mineralNouns name the mineral kinds in a question. "Site", not "mine":
// the data holds districts and deposits as well as working mines.
var mineralNouns = map[string]string{"uranium": "uranium site", "rare-earths": "rare-earth site",
	"critical-mineral": "critical-mineral site", "copper": "copper site", "gold": "gold site"}

// mineralQuestions: where a deposit is and which country holds it.
func (d data) mineralQuestions(rng *rand.Rand) []Question {
	var qs []Question
	for i, f := range d.layers["minerals"] {
		noun, ok := mineralNouns[f.Kind]
		if !ok {
			continue
		}
		what := "the " + noun + " " + f.Name
		if strings.Contains(strings.ToLower(f.Name), strings.Fields(noun)[0]) { // "Mynkuduk uranium district"
			what = the(f.Name)
		}
		qs = append(qs, d.placeQuestion(rng, f, "minerals", what, i%2 == 1))
	}
	return compact(qs)
}

// routeQuestions: where ports and crossings are, which country a port is in,
// and which countries a corridor crosses.
func (d data) routeQuestions(rng *rand.Rand) []Question {
	var lists []string // every line's route, as options for the others
	for _, l := range []string{"trade", "energy"} {
		for _, f := range d.layers[l] {
			if cs := routeCountries(f); len(cs) > 0 {
				lists = append(lists, strings.Join(d.names(cs), " → "))
			}
		}
	}
	var qs []Question
	for i, f := range d.layers["trade"] {
		switch f.Kind {
		case "port", "dry-port", "border-crossing":
			qs = append(qs, d.placeQuestion(rng, f, "routes", the(f.Name), f.Kind != "border-crossing" && i%2 == 1))
		case "rail-corridor", "road-corridor", "sea-route":
			if q, ok := d.crossQuestion(rng, f, lists); ok {
				qs = append(qs, q)
			}
		}
	}
	return compact(qs)
}

// placeQuestion asks where a point feature is (click) or, when asCountry,
// which country it lies in (choice). what names it inside the sentence.
func (d data) placeQuestion(rng *rand.Rand, f geo.Feature, set, what string, asCountry bool) Question {
	p, ok := f.Geometry.(orb.Point)
	if !ok {
		return Question{}
	}
	q := Question{Set: set, Answer: f.ID, AnswerName: f.Name, Layer: layerOf(set), Where: p}
	if !asCountry || !d.onMap(f.Country) {
		q.Mode, q.Prompt = Click, "Where is "+what+"? Click it on the map."
		return q
	}
	q.Prompt = "Which country is " + what + " in?"
	if f.StringProp("offshore") != "" { // SCHEMA.md: country is then the sector's owner
		q.Prompt = "In which country's sector of the sea is " + what + "?"
	}
	q.AnswerName = d.countryName(f.Country)
	if !choice(&q, rng, q.AnswerName, d.names(d.regional), nil) {
		return Question{}
	}
	return q
}

// startQuestion asks which country a line starts in.
func (d data) startQuestion(rng *rand.Rand, f geo.Feature) (Question, bool) {
	start, ok := startCountry(f, d.countries)
	if !ok || !d.onMap(start) {
		return Question{}, false
	}
	q := Question{Set: "energy", Prompt: "Which country does " + the(f.Name) + " start in?",
		Answer: f.ID, AnswerName: d.countryName(start), Layer: "energy", Where: lineStart(f)}
	// The other countries on its route are the most plausible wrong answers.
	ok = choice(&q, rng, q.AnswerName, d.names(routeCountries(f)), d.names(d.regional))
	return q, ok
}

// crossQuestion asks which countries a corridor crosses, in order; the
// wrong options are other lines' routes and this route reversed.
func (d data) crossQuestion(rng *rand.Rand, f geo.Feature, lists []string) (Question, bool) {
	route := d.names(routeCountries(f))
	if len(route) == 0 {
		return Question{}, false
	}
	right := strings.Join(route, " → ")
	reversed := slices.Clone(route)
	slices.Reverse(reversed)
	q := Question{Set: "routes", Prompt: "Which countries does " + the(f.Name) + " cross, in order?",
		Answer: f.ID, AnswerName: right, Layer: "trade", Where: lineStart(f)}
	return q, choice(&q, rng, right, []string{strings.Join(reversed, " → ")}, lists)
}

// lineStart is the first vertex of a line, or the centre of its bound.
func lineStart(f geo.Feature) orb.Point {
	if ls, ok := f.Geometry.(orb.LineString); ok && len(ls) > 0 {
		return ls[0]
	}
	return f.Geometry.Bound().Center()
}

func layerOf(set string) string {
	return map[string]string{"energy": "energy", "minerals": "minerals", "routes": "trade", "capitals": "cities"}[set]
}

// compact drops the empty questions a generator could not fill.
func compact(qs []Question) []Question {
	return slices.DeleteFunc(qs, func(q Question) bool { return q.Prompt == "" })
}
