package conversation

import (
	"math"
	"regexp"
	"slices"
	"sort"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
)

// memView is an in-memory View over a small catalog of Cassis and
// Aix-en-Provence. Its methods return copies, so a step cannot change it.
type memView struct {
	communes  []memCommune
	merchants []catalog.Merchant
	products  map[int64][]catalog.Product
	orders    map[string]order.Order
}

// memCommune is a commune with every postal code it has, as the database
// stores them in commune_postal_codes.
type memCommune struct {
	catalog.Commune
	postalCodes []string
}

// Ids of the test catalog, so that cases name products and merchants
// instead of bare numbers.
const (
	cassisID   = 1
	aixID      = 2
	tholonetID = 3
	pertuisID  = 4

	primeurID    = 10 // drive and delivery, 300 cents per delivery
	boulangerID  = 11 // drive only
	caveID       = 12 // delivery only, 500 cents per delivery
	tomatoesID   = 101
	melonID      = 102
	radishesID   = 103
	strawberryID = 104 // stock 0
	watermelonID = 105 // stock 1 unit
	garlicID     = 106
	oilID        = 107
	baguetteID   = 201
	wineID       = 301

	primeurPhone  = "+33612345678"
	customerPhone = "+33698765432"
	pendingRef    = "K7P"
)

func ptr[T any](v T) *T { return &v }

// newMemView returns the test catalog: four communes, two of them sharing
// the postal code 13100, three merchants and one pending order.
func newMemView() *memView {
	primeur := catalog.Merchant{ID: primeurID, Ref: "primeur", Name: "Primeur du Port", Category: "primeur",
		Phone: primeurPhone, CommuneID: cassisID, CommuneName: "Cassis", Address: "2 quai Barthélemy",
		Latitude: ptr(43.2146), Longitude: ptr(5.5376), Drive: true, Delivery: true, DeliveryFeeCents: 300}
	boulanger := catalog.Merchant{ID: boulangerID, Ref: "boulanger", Name: "Boulangerie Cézanne", Category: "boulangerie",
		Phone: "+33611111111", CommuneID: aixID, CommuneName: "Aix-en-Provence", Address: "5 cours Mirabeau",
		Latitude: ptr(43.5263), Longitude: ptr(5.4454), Drive: true}
	cave := catalog.Merchant{ID: caveID, Ref: "cave", Name: "Cave des Calanques", Category: "caviste",
		Phone: "+33622222222", CommuneID: cassisID, CommuneName: "Cassis", Address: "8 rue Victor Hugo",
		Latitude: ptr(43.2150), Longitude: ptr(5.5390), Delivery: true, DeliveryFeeCents: 500}

	return &memView{
		communes: []memCommune{
			{catalog.Commune{ID: cassisID, Name: "Cassis", PostalCode: "13260", Departement: "13",
				Latitude: ptr(43.2140), Longitude: ptr(5.5380)}, []string{"13260"}},
			{catalog.Commune{ID: aixID, Name: "Aix-en-Provence", PostalCode: "13090", Departement: "13",
				Latitude: ptr(43.5297), Longitude: ptr(5.4474)}, []string{"13090", "13100"}},
			{catalog.Commune{ID: tholonetID, Name: "Le Tholonet", PostalCode: "13100", Departement: "13",
				Latitude: ptr(43.5216), Longitude: ptr(5.5106)}, []string{"13100"}},
			{catalog.Commune{ID: pertuisID, Name: "Pertuis", PostalCode: "84120", Departement: "84",
				Latitude: ptr(43.6942), Longitude: ptr(5.5019)}, []string{"84120"}},
		},
		merchants: []catalog.Merchant{primeur, boulanger, cave},
		products: map[int64][]catalog.Product{
			primeurID: {
				{ID: tomatoesID, MerchantID: primeurID, Name: "Tomates", PriceCents: 420, Unit: "kg", Stock: 10 * catalog.One},
				{ID: melonID, MerchantID: primeurID, Name: "Melon", PriceCents: 350, Unit: "pièce", Stock: 5 * catalog.One},
				{ID: radishesID, MerchantID: primeurID, Name: "Radis", PriceCents: 180, Unit: "botte", Stock: 20 * catalog.One},
				{ID: strawberryID, MerchantID: primeurID, Name: "Fraises", PriceCents: 450, Unit: "barquette", Stock: 0},
				{ID: watermelonID, MerchantID: primeurID, Name: "Pastèque", PriceCents: 600, Unit: "pièce", Stock: catalog.One},
				{ID: garlicID, MerchantID: primeurID, Name: "Ail", PriceCents: 900, Unit: "tresse", Stock: 3 * catalog.One},
				{ID: oilID, MerchantID: primeurID, Name: "Huile d'olive", PriceCents: 1500, Unit: "bouteille", Stock: 4 * catalog.One},
			},
			boulangerID: {
				{ID: baguetteID, MerchantID: boulangerID, Name: "Baguette", PriceCents: 110, Unit: "pièce", Stock: 50 * catalog.One},
				{ID: 202, MerchantID: boulangerID, Name: "Calissons", PriceCents: 1200, Unit: "boîte", Stock: 10 * catalog.One},
			},
			caveID: {
				{ID: wineID, MerchantID: caveID, Name: "Cassis blanc", PriceCents: 1800, Unit: "bouteille", Stock: 24 * catalog.One},
			},
		},
		orders: map[string]order.Order{
			pendingRef: {ID: 5, Ref: pendingRef, MerchantID: primeurID, MerchantName: "Primeur du Port",
				MerchantPhone: primeurPhone, Status: order.Pending, Fulfilment: order.Drive, TotalCents: 1290,
				Customer: order.Customer{Channel: "telegram", Address: "4242", Locale: English, Name: "Ada (Telegram)"}},
		},
	}
}

var fiveDigits = regexp.MustCompile(`^[0-9]{5}$`)

// FindCommunes matches like catalog.FindCommunes: a postal code returns its
// communes by name, anything else the communes whose folded name is the
// folded query, by département.
func (v *memView) FindCommunes(query string) []catalog.Commune {
	folded := catalog.Fold(query)
	if folded == "" {
		return nil
	}
	var found []catalog.Commune
	for _, c := range v.communes {
		if fiveDigits.MatchString(folded) && slices.Contains(c.postalCodes, folded) ||
			catalog.Fold(c.Name) == folded {
			found = append(found, c.Commune)
		}
	}
	if fiveDigits.MatchString(folded) {
		sort.SliceStable(found, func(i, j int) bool { return found[i].Name < found[j].Name })
	} else {
		sort.SliceStable(found, func(i, j int) bool { return found[i].Departement < found[j].Departement })
	}
	return found
}

// MatchCommunes adds two guesses to FindCommunes, like the real one: a
// four-digit postal code read with a leading zero, and a name with one
// letter too many.
func (v *memView) MatchCommunes(query string) catalog.CommuneMatch {
	if found := v.FindCommunes(query); len(found) > 0 {
		return catalog.CommuneMatch{Communes: found}
	}
	folded := catalog.Fold(query)
	if len(folded) == 4 && fiveDigits.MatchString("0"+folded) {
		return catalog.CommuneMatch{Communes: v.FindCommunes("0" + folded), Guessed: true, PostalCode: "0" + folded}
	}
	for _, c := range v.communes {
		name := catalog.Fold(c.Name)
		for i := range folded {
			if folded[:i]+folded[i+1:] == name {
				return catalog.CommuneMatch{Communes: []catalog.Commune{c.Commune}, Guessed: true}
			}
		}
	}
	return catalog.CommuneMatch{}
}

func (v *memView) Commune(id int64) (catalog.Commune, bool) {
	for _, c := range v.communes {
		if c.ID == id {
			return c.Commune, true
		}
	}
	return catalog.Commune{}, false
}

// MerchantsNearCommune returns the merchants of the commune, then those of
// its département, each group in id order.
func (v *memView) MerchantsNearCommune(communeID int64) []catalog.Merchant {
	home, ok := v.Commune(communeID)
	if !ok {
		return nil
	}
	var inCommune, inDepartement []catalog.Merchant
	for _, m := range v.merchants {
		c, _ := v.Commune(m.CommuneID)
		switch {
		case m.CommuneID == communeID:
			inCommune = append(inCommune, m)
		case c.Departement == home.Departement:
			inDepartement = append(inDepartement, m)
		}
	}
	return append(inCommune, inDepartement...)
}

// MerchantsNearPoint returns the merchants within 30 km of p, closest
// first, with DistanceKm set from an equirectangular approximation.
func (v *memView) MerchantsNearPoint(p Point) []catalog.Merchant {
	const earthRadiusKm = 6371
	var near []catalog.Merchant
	for _, m := range v.merchants {
		if m.Latitude == nil || m.Longitude == nil {
			continue
		}
		lat1, lat2 := p.Latitude*math.Pi/180, *m.Latitude*math.Pi/180
		dx := (*m.Longitude - p.Longitude) * math.Pi / 180 * math.Cos((lat1+lat2)/2)
		dy := lat2 - lat1
		km := earthRadiusKm * math.Hypot(dx, dy)
		if km <= 30 {
			m.DistanceKm = ptr(km)
			near = append(near, m)
		}
	}
	sort.SliceStable(near, func(i, j int) bool { return *near[i].DistanceKm < *near[j].DistanceKm })
	return near
}

func (v *memView) Merchant(id int64) (catalog.Merchant, bool) {
	for _, m := range v.merchants {
		if m.ID == id {
			return m, true
		}
	}
	return catalog.Merchant{}, false
}

func (v *memView) Products(merchantID int64) []catalog.Product {
	return slices.Clone(v.products[merchantID])
}

func (v *memView) Order(ref string) (order.Order, bool) {
	o, ok := v.orders[ref]
	return o, ok
}
