package catalog

import (
	"slices"
	"strconv"
)

// arrondissementRange is the range of INSEE codes of the arrondissements
// municipaux of a city, which are not communes.
type arrondissementRange struct {
	city        string // INSEE code of the city
	first, last int    // INSEE codes of its arrondissements
}

// arrondissementRanges are Paris (75101-75120), Lyon (69381-69389) and
// Marseille (13201-13216), per INSEE's Code officiel géographique.
var arrondissementRanges = []arrondissementRange{
	{city: "75056", first: 75101, last: 75120},
	{city: "69123", first: 69381, last: 69389},
	{city: "13055", first: 13201, last: 13216},
}

// arrondissementCity returns the INSEE code of the city whose
// arrondissement municipal has the INSEE code, if it is one.
func arrondissementCity(insee string) (string, bool) {
	code, err := strconv.Atoi(insee)
	if err != nil {
		return "", false
	}
	for _, r := range arrondissementRanges {
		if code >= r.first && code <= r.last {
			return r.city, true
		}
	}
	return "", false
}

// addCitiesFromArrondissements returns the positions with, for each city
// that they lack but whose arrondissements they have, a position at the
// mean of its arrondissements' positions.
func addCitiesFromArrondissements(positions []communePosition) []communePosition {
	present := map[string]bool{}
	for _, p := range positions {
		present[p.insee] = true
	}
	type sum struct {
		latitude, longitude float64
		count               int
	}
	sums := map[string]*sum{}
	var order []string
	for _, p := range positions {
		city, ok := arrondissementCity(p.insee)
		if !ok || present[city] {
			continue
		}
		s, seen := sums[city]
		if !seen {
			s = &sum{}
			sums[city] = s
			order = append(order, city)
		}
		s.latitude += p.latitude
		s.longitude += p.longitude
		s.count++
	}

	out := slices.Clone(positions)
	for _, city := range order {
		s := sums[city]
		n := float64(s.count)
		out = append(out, communePosition{insee: city, latitude: s.latitude / n, longitude: s.longitude / n})
	}
	return out
}
