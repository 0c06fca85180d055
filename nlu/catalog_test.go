package nlu

import "github.com/drivelocal/drivelocal/catalog"

// Merchants of the test catalog.
const (
	greengrocer = 1
	bakery      = 2
	farm        = 3 // dairy and eggs
	cheeseShop  = 4
)

// testProducts is the fixed catalog that the corpus and the benchmarks run
// against. Numbered orders ("3 x2") count from 1 in this order, so append
// new products at the end.
var testProducts = []catalog.Product{
	{ID: 101, MerchantID: greengrocer, Ref: "tomates", Name: "Tomates", PriceCents: 390, Unit: "kg"},
	{ID: 102, MerchantID: greengrocer, Ref: "tomates-cerises", Name: "Tomates cerises", PriceCents: 350, Unit: "barquette"},
	{ID: 103, MerchantID: greengrocer, Ref: "courgettes", Name: "Courgettes", PriceCents: 280, Unit: "kg"},
	{ID: 104, MerchantID: greengrocer, Ref: "pommes-de-terre", Name: "Pommes de terre", PriceCents: 220, Unit: "kg"},
	{ID: 105, MerchantID: greengrocer, Ref: "carottes", Name: "Carottes", PriceCents: 250, Unit: "botte"},
	{ID: 106, MerchantID: greengrocer, Ref: "radis", Name: "Radis", PriceCents: 150, Unit: "botte"},
	{ID: 107, MerchantID: greengrocer, Ref: "poireaux", Name: "Poireaux", PriceCents: 320, Unit: "kg"},
	{ID: 108, MerchantID: greengrocer, Ref: "chou-fleur", Name: "Chou-fleur", PriceCents: 290, Unit: "pièce"},
	{ID: 109, MerchantID: greengrocer, Ref: "choux-bruxelles", Name: "Choux de Bruxelles", PriceCents: 450, Unit: "kg"},
	{ID: 110, MerchantID: greengrocer, Ref: "salade", Name: "Salade batavia", PriceCents: 120, Unit: "pièce"},
	{ID: 111, MerchantID: greengrocer, Ref: "fraises", Name: "Fraises", PriceCents: 400, Unit: "barquette"},
	{ID: 112, MerchantID: greengrocer, Ref: "pommes", Name: "Pommes golden", PriceCents: 290, Unit: "kg"},
	{ID: 113, MerchantID: greengrocer, Ref: "bananes", Name: "Bananes", PriceCents: 240, Unit: "kg"},
	{ID: 114, MerchantID: greengrocer, Ref: "citrons", Name: "Citrons", PriceCents: 390, Unit: "kg"},
	{ID: 115, MerchantID: greengrocer, Ref: "persil", Name: "Persil", PriceCents: 100, Unit: "botte"},
	{ID: 116, MerchantID: greengrocer, Ref: "basilic", Name: "Basilic", PriceCents: 180, Unit: "pot"},
	{ID: 117, MerchantID: greengrocer, Ref: "oignons", Name: "Oignons jaunes", PriceCents: 230, Unit: "kg"},
	{ID: 118, MerchantID: greengrocer, Ref: "melon", Name: "Melon charentais", PriceCents: 350, Unit: "pièce"},
	{ID: 119, MerchantID: greengrocer, Ref: "bouquet-garni", Name: "Bouquet garni", PriceCents: 150, Unit: "pièce"},
	{ID: 120, MerchantID: greengrocer, Ref: "jus-pomme", Name: "Jus de pomme", PriceCents: 420, Unit: "bouteille"},

	{ID: 201, MerchantID: bakery, Ref: "baguette", Name: "Baguette tradition", PriceCents: 130, Unit: "pièce"},
	{ID: 202, MerchantID: bakery, Ref: "pain-campagne", Name: "Pain de campagne", PriceCents: 380, Unit: "pièce"},
	{ID: 203, MerchantID: bakery, Ref: "pain-complet", Name: "Pain complet", PriceCents: 350, Unit: "pièce"},
	{ID: 204, MerchantID: bakery, Ref: "croissant", Name: "Croissant au beurre", PriceCents: 120, Unit: "pièce"},
	{ID: 205, MerchantID: bakery, Ref: "pain-chocolat", Name: "Pain au chocolat", PriceCents: 140, Unit: "pièce"},
	{ID: 206, MerchantID: bakery, Ref: "chouquettes", Name: "Chouquettes", PriceCents: 450, Unit: "douzaine"},
	{ID: 207, MerchantID: bakery, Ref: "tarte-pommes", Name: "Tarte aux pommes", PriceCents: 300, Unit: "part"},
	{ID: 208, MerchantID: bakery, Ref: "fougasse", Name: "Fougasse aux olives", PriceCents: 350, Unit: "pièce"},
	{ID: 209, MerchantID: bakery, Ref: "pain-noix", Name: "Pain aux noix et raisins", PriceCents: 450, Unit: "pièce"},
	{ID: 210, MerchantID: bakery, Ref: "brioche", Name: "Brioche", PriceCents: 600, Unit: "pièce"},
	{ID: 211, MerchantID: bakery, Ref: "gateau-chocolat", Name: "Gâteau au chocolat", PriceCents: 1800, Unit: "pièce"},

	{ID: 301, MerchantID: farm, Ref: "oeufs", Name: "Œufs de plein air", PriceCents: 420, Unit: "douzaine"},
	{ID: 302, MerchantID: farm, Ref: "lait", Name: "Lait entier", PriceCents: 130, Unit: "l"},
	{ID: 303, MerchantID: farm, Ref: "creme", Name: "Crème fraîche", PriceCents: 290, Unit: "pot"},
	{ID: 304, MerchantID: farm, Ref: "beurre", Name: "Beurre doux 250 g", PriceCents: 380, Unit: "pièce"},
	{ID: 305, MerchantID: farm, Ref: "yaourt-nature", Name: "Yaourt nature", PriceCents: 90, Unit: "pot"},
	{ID: 306, MerchantID: farm, Ref: "yaourt-fraise", Name: "Yaourt à la fraise", PriceCents: 110, Unit: "pot"},
	{ID: 307, MerchantID: farm, Ref: "fromage-blanc", Name: "Fromage blanc", PriceCents: 320, Unit: "pot"},
	{ID: 308, MerchantID: farm, Ref: "miel-lavande", Name: "Miel de lavande 500 g", PriceCents: 950, Unit: "pot"},

	{ID: 401, MerchantID: cheeseShop, Ref: "comte", Name: "Comté 18 mois", PriceCents: 3200, Unit: "kg"},
	{ID: 402, MerchantID: cheeseShop, Ref: "brie", Name: "Brie de Meaux", PriceCents: 2400, Unit: "kg"},
	{ID: 403, MerchantID: cheeseShop, Ref: "crottin", Name: "Crottin de chèvre", PriceCents: 320, Unit: "pièce"},
	{ID: 404, MerchantID: cheeseShop, Ref: "tomme", Name: "Tomme de Savoie", PriceCents: 2200, Unit: "kg"},
	{ID: 405, MerchantID: cheeseShop, Ref: "roquefort", Name: "Roquefort", PriceCents: 2950, Unit: "kg"},
	{ID: 406, MerchantID: cheeseShop, Ref: "mozzarella", Name: "Mozzarella di bufala", PriceCents: 350, Unit: "pièce"},
	{ID: 407, MerchantID: cheeseShop, Ref: "raclette", Name: "Fromage à raclette", PriceCents: 2100, Unit: "kg"},
	{ID: 408, MerchantID: cheeseShop, Ref: "emmental", Name: "Emmental râpé", PriceCents: 290, Unit: "sachet"},
	{ID: 409, MerchantID: cheeseShop, Ref: "jambon", Name: "Jambon de Bayonne", PriceCents: 420, Unit: "100 g"},
	{ID: 410, MerchantID: cheeseShop, Ref: "reblochon", Name: "Reblochon fermier", PriceCents: 1150, Unit: "pièce"},
}
