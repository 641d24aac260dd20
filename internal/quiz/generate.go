package quiz

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"heartland/assets"
	"heartland/geo"
)

// data is what the generators read: the layers' features by layer, the
// countries layer and the country facts.
type data struct {
	layers    map[string][]geo.Feature
	countries *geo.Countries
	facts     assets.Facts
	regional  []string // facts' countries on the map, sorted: plausible wrong options
}

// Generate returns the quiz that p chooses from the layers (as from
// assets.Layers) and the facts (assets.LoadFacts): the same data and
// params give the same questions with the same option order.
func Generate(layers []geo.Layer, facts assets.Facts, p Params) ([]Question, error) {
	d := data{layers: map[string][]geo.Feature{}, countries: countriesOf(layers), facts: facts}
	for _, l := range layers {
		d.layers[l.ID] = l.Features
	}
	for code := range facts.Countries {
		if _, ok := d.countries.Shape(code); ok {
			d.regional = append(d.regional, code)
		}
	}
	slices.Sort(d.regional)
	if len(d.regional) < 4 {
		return nil, errors.New("quiz: the facts name fewer than four countries of the map; no plausible options can be made")
	}
	rng := rand.New(rand.NewPCG(p.Seed, DefaultSeed(p.Set)))
	var qs []Question
	if p.Set == Mixed {
		qs = d.mixed(rng, p.Count)
	} else {
		qs = d.set(p.Set, rng)
		qs = qs[:min(p.Count, len(qs))]
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("quiz: the data gives no questions for the set %q", p.Set)
	}
	return qs, nil
}

// set returns every question of one set, shuffled.
func (d data) set(name string, rng *rand.Rand) []Question {
	var qs []Question
	switch name {
	case "countries":
		qs = d.countryQuestions(rng)
	case "capitals":
		qs = d.capitalQuestions(rng)
	case "energy":
		qs = d.energyQuestions(rng)
	case "minerals":
		qs = d.mineralQuestions(rng)
	case "routes":
		qs = d.routeQuestions(rng)
	}
	rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	return qs
}

// mixed takes questions from every set in turn.
func (d data) mixed(rng *rand.Rand, count int) []Question {
	var pools [][]Question
	for _, s := range Sets[1:] {
		pools = append(pools, d.set(s, rng))
	}
	rng.Shuffle(len(pools), func(i, j int) { pools[i], pools[j] = pools[j], pools[i] })
	var out []Question
	for round := 0; len(out) < count; round++ {
		took := false
		for _, pool := range pools {
			if round < len(pool) && len(out) < count {
				out = append(out, pool[round])
				took = true
			}
		}
		if !took {
			break
		}
	}
	return out
}

// countryName is the name of an ISO alpha-3 code on the map, or the code.
func (d data) countryName(code string) string {
	if s, ok := d.countries.Shape(code); ok && s.Name != "" {
		return s.Name
	}
	if c, ok := d.facts.Countries[code]; ok {
		return c.Name
	}
	return code
}

// choice fills a question's options: the right label and up to three wrong
// ones, taken first from preferred (shuffled) and then from rest, each
// distinct. It reports false when fewer than two options could be made.
func choice(q *Question, rng *rand.Rand, right string, preferred, rest []string) bool {
	opts := []string{right}
	for _, pool := range [][]string{preferred, rest} {
		pool = slices.Clone(pool)
		rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		for _, o := range pool {
			if len(opts) < 4 && o != "" && !slices.Contains(opts, o) {
				opts = append(opts, o)
			}
		}
	}
	if len(opts) < 2 {
		return false
	}
	rng.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
	q.Mode, q.Options, q.Correct = Choice, opts, slices.Index(opts, right)
	return true
}

// names maps country codes to their names.
func (d data) names(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		out = append(out, d.countryName(c))
	}
	return out
}

// the puts "the" before a place name unless it has one.
func the(name string) string {
	if strings.HasPrefix(name, "The ") || strings.HasPrefix(name, "the ") {
		return name
	}
	return "the " + name
}

// FromAssets generates the quiz p chooses from the embedded data: what a
// reader of the map gets, for tools and tests that have no map running.
func FromAssets(p Params) ([]Question, error) {
	layers, err := assets.Layers()
	if err != nil {
		return nil, err
	}
	facts, err := assets.LoadFacts()
	if err != nil {
		return nil, err
	}
	return Generate(layers, facts, p)
}
