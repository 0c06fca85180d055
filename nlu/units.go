package nlu

import (
	"strings"

	"github.com/drivelocal/drivelocal/catalog"
)

// dimension is the quantity that a unit measures. Units convert into each other only
// within one dimension. A container unit (botte, pot, barquette...) is a
// dimension of its own, because a bunch of radishes has no fixed weight.
type dimension string

const (
	mass   dimension = "mass"   // base unit: gram
	volume dimension = "volume" // base unit: millilitre
	items  dimension = "items"  // base unit: one piece
	money  dimension = "money"  // "pour 5 euros": never converted to goods
)

// unit is a canonical unit and its size in the base unit of its dimension.
type unit struct {
	name   string
	dim    dimension
	factor int64
	// perItem marks container units where a plain count of items is a
	// count of units: 2 yaourts are 2 pots. It is false for bunches and
	// trays, where 3 carottes are not 3 bottes.
	perItem bool
}

// units maps singular folded unit words to their unit.
var units = map[string]unit{}

func init() {
	add := func(u unit, words ...string) {
		for _, w := range words {
			units[w] = u
		}
	}
	add(unit{name: "g", dim: mass, factor: 1}, "g", "gr", "gramme", "gram")
	add(unit{name: "kg", dim: mass, factor: 1000}, "kg", "kilo", "kilogramme", "kgr")
	add(unit{name: "livre", dim: mass, factor: 500}, "livre")
	add(unit{name: "ml", dim: volume, factor: 1}, "ml", "millilitre")
	add(unit{name: "cl", dim: volume, factor: 10}, "cl", "centilitre")
	add(unit{name: "dl", dim: volume, factor: 100}, "dl", "decilitre")
	add(unit{name: "l", dim: volume, factor: 1000}, "l", "litre", "lt", "ltr")
	add(unit{name: "piece", dim: items, factor: 1}, "piece", "pce", "pc", "unite")
	add(unit{name: "douzaine", dim: items, factor: 12}, "douzaine", "dz", "dzn")
	add(unit{name: "eur", dim: money, factor: 1}, "eur", "euro")
	for _, c := range []string{"pot", "bouteille", "sachet", "paquet", "boite", "pack", "brique", "bocal", "flacon", "plaquette"} {
		add(unit{name: c, dim: dimension(c), factor: 1, perItem: true}, c)
	}
	for _, c := range []string{"botte", "barquette", "bouquet", "tranche", "part", "filet", "cagette", "plateau", "portion", "panier", "caisse", "sac", "tresse"} {
		add(unit{name: c, dim: dimension(c), factor: 1}, c)
	}
	// Plurals too short for singular: "kgs", "grs", "pcs".
	for short, name := range map[string]string{"kgs": "kg", "grs": "g", "pcs": "piece", "lts": "l", "btl": "bouteille", "bte": "boite"} {
		units[short] = units[name]
	}
}

// lookupUnit returns the unit that a folded word names, singular or plural.
func lookupUnit(word string) (unit, bool) {
	if u, ok := units[word]; ok {
		return u, true
	}
	u, ok := units[singular(word)]
	return u, ok
}

// unitArticles are the words merchants put around a unit: "la pièce",
// "le kg", "par botte", "les 100 g".
var unitArticles = map[string]bool{"la": true, "le": true, "l": true, "les": true, "par": true, "a": true, "au": true, "de": true, "du": true, "the": true}

// productUnit reads the free-text unit of a product: "kg", "pièce",
// "douzaine", "les 100 g", "6 pièces". An unknown unit becomes a container
// dimension of its own, named by its folded text, which converts from
// nothing but a plain count of itself ("x2", "1,5").
func productUnit(text string) unit {
	var words []string
	var count catalog.Quantity = catalog.One
	for _, t := range tokenize(text) {
		switch {
		case t.kind == numberToken && t.value > 0 && onlyArticles(words):
			count = t.value
		case t.kind == wordToken:
			words = append(words, t.text)
		}
	}
	words = dropArticles(words)
	if len(words) == 1 {
		if u, ok := lookupUnit(words[0]); ok {
			return scaleUnit(u, count)
		}
	}
	name := strings.Join(words, " ")
	return unit{name: name, dim: dimension("other:" + name), factor: 1}
}

// scaleUnit returns u multiplied by count thousandths: 100 g from g and
// 100000. A size that is not a whole number of base units is kept as the
// plain unit, since such units are not sold.
func scaleUnit(u unit, count catalog.Quantity) unit {
	if count == catalog.One {
		return u
	}
	scaled := u.factor * int64(count)
	if scaled%int64(catalog.One) != 0 {
		return u
	}
	u.factor = scaled / int64(catalog.One)
	u.name = catalog.Quantity(count).Decimal(",") + " " + u.name
	return u
}

// dropArticles removes unitArticles from words unless that leaves nothing,
// since "l" alone is the litre.
func dropArticles(words []string) []string {
	var kept []string
	for _, w := range words {
		if !unitArticles[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return words
	}
	return kept
}

func onlyArticles(words []string) bool {
	for _, w := range words {
		if !unitArticles[w] {
			return false
		}
	}
	return true
}
