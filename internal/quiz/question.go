package quiz

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Mode is how a question is answered.
type Mode string

const (
	// Click questions are answered by clicking the map: inside the right
	// country, or within ClickTolerance CSS pixels of the right place.
	Click Mode = "click"
	// Choice questions are answered by picking one of the Options.
	Choice Mode = "choice"
)

// ClickTolerance is how far, in CSS pixels, a click may land from the right
// point and still count: about a fingertip.
const ClickTolerance = 24

// Question is one question of a quiz. Every field is filled from the data.
type Question struct {
	Set        string // the set it came from: countries, capitals, energy, minerals or routes
	Mode       Mode
	Prompt     string
	Answer     string // id of the right feature, or ISO alpha-3 of the right country: what the map highlights
	AnswerName string // the right answer in words, for feedback and the summary
	Layer      string // the layer that must be visible to answer (and to see the answer)
	Outline    bool   // the answer is outlined while asked ("Which country is outlined?")

	// Choice questions: distinct labels, one of them right.
	Options []string
	Correct int // index in Options

	// Where the answer is, in [lon, lat] degrees: the point itself, or a
	// country's label point (inside it). Area is the country's shape for
	// click questions on a country, nil for points.
	Where orb.Point
	Area  orb.MultiPolygon
}

// RightClick reports whether a click at lonLat (degrees) answers a click
// question. pixelsTo gives the distance in CSS pixels from the click to a
// [lon, lat] point on screen at the current view.
func (q Question) RightClick(lonLat orb.Point, pixelsTo func(orb.Point) float64) bool {
	if q.Mode != Click {
		return false
	}
	if q.Area != nil {
		return planar.MultiPolygonContains(q.Area, lonLat)
	}
	return pixelsTo(q.Where) <= ClickTolerance
}
