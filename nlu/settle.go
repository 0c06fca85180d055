package nlu

// maxProductWords is the most words that a line may give for one product.
// Product names are far shorter, and the cap bounds the edit-distance work
// on long messages without separators, which are read again in parts.
const maxProductWords = 16

// settle matches the product words of p and converts its quantity. It
// returns false when p has neither a quantity nor a product word.
func (o Options) settle(line Line, p itemParse, vague bool, idx *index) (Line, bool) {
	words := productWords(p.words)
	hasAmount := p.amount.n > 0
	line.Requested = p.amount.amount
	line.quantityInvalid = p.amount.invalid || p.alternate
	if len(words) == 0 {
		if !hasAmount {
			return line, false
		}
		line.Status = ProductMissing
		return line, true
	}

	if len(words) > maxProductWords {
		line.Status = ProductUnknown
		return line, true
	}
	m := idx.match(words)
	switch m.status {
	case ProductUnknown:
		line.Status = ProductUnknown
		return line, true
	case ProductUnsure, ProductAmbiguous:
		line.Status = m.status
		for _, i := range m.products {
			line.Candidates = append(line.Candidates, idx.products[i])
		}
		return line, true
	}

	product := m.products[0]
	if p.trailing && idx.nameHasAll(product, p.quantity) {
		// "miel de lavande 500 g": the quantity is part of the name.
		line.Requested = Amount{}
		line.quantityInvalid = false
	}
	if vague {
		line.Requested = Amount{}
	}
	return o.resolve(line, idx.products[product], idx.entries[product].unit), true
}

// nameHasAll reports whether every word and number of tokens is in the
// name of product i.
func (idx *index) nameHasAll(i int, tokens []token) bool {
	for _, t := range tokens {
		if (t.kind == wordToken || t.kind == numberToken) && !idx.entryHas(i, t.text) {
			return false
		}
	}
	return true
}
