package conversation

import (
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
)

func TestChoiceForms(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1, true},
		{"1.", 1, true},
		{"n°1", 1, true},
		{"N° 12", 12, true},
		{"numéro 3", 3, true},
		{"le 2", 2, true},
		{"la 2", 2, true},
		{"un", 1, true},
		{"Deux", 2, true},
		{"0", 0, false},
		{"-1", 1, true}, // Fold drops the minus sign
		{"1000", 0, false},
		{"abc", 0, false},
		{"", 0, false},
	}
	for _, c := range cases {
		got, ok := choice(catalog.Fold(c.in))
		if ok != c.ok {
			t.Errorf("choice(%q) ok = %v, want %v", c.in, ok, c.ok)
		}
		if got != c.want {
			t.Errorf("choice(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestProductAndQuantityForms(t *testing.T) {
	cases := []struct {
		in string
		n  int
		q  catalog.Quantity
		ok bool
	}{
		{"3 x2", 3, 2000, true},
		{"3x2", 3, 2000, true},
		{"3 X 2", 3, 2000, true},
		{"3 * 2", 3, 2000, true},
		{"3×2", 3, 2000, true},
		{"3 fois 2", 3, 2000, true},
		{"3 2", 3, 2000, true},
		{"1 x 1,5", 1, 1500, true},
		{"1 x0.25", 1, 250, true},
		{"12", 0, 0, false},
		{"123", 0, 0, false},
		{"13260", 0, 0, false},
		{"1,5", 0, 0, false},
		{"0 x2", 0, 0, false},
		{"3 x", 0, 0, false},
		{"3 x 1,2345", 0, 0, false},
	}
	for _, c := range cases {
		n, q, ok := productAndQuantity(catalog.Fold(c.in))
		if ok != c.ok {
			t.Errorf("productAndQuantity(%q) ok = %v, want %v", c.in, ok, c.ok)
		}
		if n != c.n {
			t.Errorf("productAndQuantity(%q) n = %d, want %d", c.in, n, c.n)
		}
		if q != c.q {
			t.Errorf("productAndQuantity(%q) q = %d, want %d", c.in, q, c.q)
		}
	}
}

func TestQuantityForms(t *testing.T) {
	cases := []struct {
		in string
		q  catalog.Quantity
		ok bool
	}{
		{"2", 2000, true},
		{"x2", 2000, true},
		{"1,5", 1500, true},
		{"1.5", 1500, true},
		{"0,25", 250, true},
		{"deux", 2000, true},
		{"0", 0, true},
		{"1,2345", 0, false},
		{"1/2", 0, false},
		{"beaucoup", 0, false},
		{"9999999999", 0, false},
	}
	for _, c := range cases {
		q, ok := quantity(catalog.Fold(c.in))
		if ok != c.ok {
			t.Errorf("quantity(%q) ok = %v, want %v", c.in, ok, c.ok)
		}
		if q != c.q {
			t.Errorf("quantity(%q) = %d, want %d", c.in, q, c.q)
		}
	}
}

func TestKeywordFolding(t *testing.T) {
	cases := []struct {
		in   string
		want Keyword
	}{
		{"  Panier ", KeyBasket},
		{"VALIDER", KeyCheckout},
		{"annulér", KeyCancel},
		{"Menu.", KeyMenu},
		{"AIDE ?", KeyHelp},
		{"Suite", KeyNext},
		{"FRANÇAIS", KeyFrench},
		{"English", KeyEnglish},
		{"Bonjour !", KeyGreeting},
		{"panier svp", NoKeyword},
	}
	for _, c := range cases {
		if got := keyword(catalog.Fold(c.in)); got != c.want {
			t.Errorf("keyword(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
func TestRefusalReasonKeepsText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"non k7p plus de fraises", "plus de fraises"},
		{"NON K7P", ""},
		{"Non K7P : Plus de Fraises, désolé.", "Plus de Fraises, désolé"},
		{"non #k7p - fermé lundi", "fermé lundi"},
		{"Refusé k7p Épuisé", "Épuisé"},
		{"non\xfa k7p", ""},
		{"non\xfa\xfa\xfa k7p rupture", "rupture"},
	}
	for _, c := range cases {
		if got := refusalReason(c.in, "K7P"); got != c.want {
			t.Errorf("refusalReason(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMemViewFindCommunes(t *testing.T) {
	v := newMemView()
	cases := []struct {
		query string
		want  []string
	}{
		{"cassis", []string{"Cassis"}},
		{" CASSIS", []string{"Cassis"}},
		{"13260", []string{"Cassis"}},
		{"aix en provence", []string{"Aix-en-Provence"}},
		{"13100", []string{"Aix-en-Provence", "Le Tholonet"}},
		{"le-tholonet", []string{"Le Tholonet"}},
		{"paris", nil},
		{"", nil},
	}
	for _, c := range cases {
		var got []string
		for _, commune := range v.FindCommunes(c.query) {
			got = append(got, commune.Name)
		}
		if len(got) != len(c.want) {
			t.Errorf("FindCommunes(%q) = %v, want %v", c.query, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("FindCommunes(%q)[%d] = %q, want %q", c.query, i, got[i], c.want[i])
			}
		}
	}
}
