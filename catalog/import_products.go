package catalog

// productCSVColumns are the columns of a products file, in the documented
// order.
var productCSVColumns = []csvColumn{
	{name: "commercant"}, {name: "ref"}, {name: "nom"}, {name: "prix"}, {name: "unite"}, {name: "stock"},
}

// productRow is a valid line of a products file.
type productRow struct {
	line        int
	merchantRef string
	ref         string
	name        string
	priceCents  int64
	unit        string
	stock       Quantity
}

// productFile is what a products file contains once checked.
type productFile struct {
	table *csvTable
	rows  []productRow // the valid lines
}

// readProducts reads and checks a products file, adding every invalid line
// to errs. Whether each merchant ref exists is checked later, against the
// merchants file and the database. A nil file is an empty one.
func readProducts(f *ImportFile, errs *errorList) (productFile, error) {
	if f == nil {
		return productFile{}, nil
	}
	t, err := readTable(f, productCSVColumns, errs)
	if err != nil {
		return productFile{}, err
	}
	pf := productFile{table: t}
	if !t.complete {
		return pf, nil
	}

	refLines := map[string]int{}
	for _, row := range t.rows {
		if row.malformed {
			continue
		}
		c := &rowCheck{table: t, row: row, errs: errs}
		p := c.product()
		if p.merchantRef != "" && p.ref != "" {
			c.checkUnique("ref", p.merchantRef+"\x00"+p.ref, refLines, msgDuplicateProductRef)
		}
		if !c.failed {
			pf.rows = append(pf.rows, p)
		}
	}
	return pf, nil
}

// product reads the product of the line.
func (c *rowCheck) product() productRow {
	p := productRow{line: c.row.line}
	p.merchantRef = c.required("commercant")
	p.ref = c.required("ref")
	p.name = c.required("nom")
	p.priceCents = c.cents("prix", msgInvalidPrice, true)
	p.unit = c.required("unite")
	p.stock = c.stock("stock", p.unit)
	return p
}

// checkMerchantRefs reports the lines whose merchant ref is neither in the
// merchants file nor among existing, the refs found in the database.
func (pf productFile) checkMerchantRefs(mf merchantFile, existing map[string]bool, errs *errorList) {
	if pf.table == nil || !pf.table.complete || !mf.refsComplete {
		return
	}
	for _, row := range pf.table.rows {
		ref := pf.table.value(row, "commercant")
		if row.malformed || ref == "" || existing[ref] {
			continue
		}
		if _, inFile := mf.refLines[ref]; inFile {
			continue
		}
		errs.add(pf.table.errorAt(row, "commercant", msgUnknownMerchant, map[string]any{"Value": ref}))
	}
}

// merchantRefsOutsideFile returns the merchant refs of the products file
// that the merchants file lacks, to look up in the database.
func (pf productFile) merchantRefsOutsideFile(mf merchantFile) []string {
	if pf.table == nil {
		return nil
	}
	seen := map[string]bool{}
	var refs []string
	for _, row := range pf.table.rows {
		ref := pf.table.value(row, "commercant")
		if _, inFile := mf.refLines[ref]; inFile || ref == "" || seen[ref] {
			continue
		}
		seen[ref] = true
		refs = append(refs, ref)
	}
	return refs
}
