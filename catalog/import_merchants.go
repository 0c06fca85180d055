package catalog

// merchantCSVColumns are the columns of a merchants file, in the documented
// order.
var merchantCSVColumns = []csvColumn{
	{name: "ref"}, {name: "nom"}, {name: "categorie"}, {name: "telephone"},
	{name: "commune"}, {name: "code_postal"}, {name: "adresse"},
	{name: "latitude"}, {name: "longitude"}, {name: "drive"}, {name: "livraison"},
	{name: "frais_livraison", optional: true},
}

// merchantRow is a valid line of a merchants file.
type merchantRow struct {
	line             int
	ref              string
	name             string
	category         string
	phone            string // E.164
	commune          string
	postalCode       string // five digits
	departement      string
	address          string
	latitude         *float64
	longitude        *float64
	drive            bool
	delivery         bool
	deliveryFeeCents int64
}

// merchantFile is what a merchants file contains once checked.
type merchantFile struct {
	table *csvTable
	rows  []merchantRow // the valid lines
	// refLines maps every ref of the file, also those of invalid lines, to
	// its first line, so that products can name a merchant whose line is
	// being fixed without a second error.
	refLines map[string]int
	// refsComplete is false when the file's refs could not be read, so an
	// unknown merchant ref in the products file proves nothing.
	refsComplete bool
}

// readMerchants reads and checks a merchants file, adding every invalid
// line to errs. A nil file is an empty one.
func readMerchants(f *ImportFile, errs *errorList) (merchantFile, error) {
	mf := merchantFile{refLines: map[string]int{}, refsComplete: true}
	if f == nil {
		return mf, nil
	}
	t, err := readTable(f, merchantCSVColumns, errs)
	if err != nil {
		return mf, err
	}
	mf.table = t
	if _, ok := t.columns["ref"]; !ok {
		mf.refsComplete = false
	}

	phoneLines := map[string]int{}
	for _, row := range t.rows {
		ref := t.value(row, "ref")
		if row.malformed || !t.complete {
			if _, seen := mf.refLines[ref]; ref != "" && !seen {
				mf.refLines[ref] = row.line
			}
			continue
		}
		c := &rowCheck{table: t, row: row, errs: errs}
		m := c.merchant()
		c.checkUnique("ref", m.ref, mf.refLines, msgDuplicateMerchantRef)
		c.checkUnique("telephone", m.phone, phoneLines, msgDuplicatePhone)
		if !c.failed {
			mf.rows = append(mf.rows, m)
		}
	}
	return mf, nil
}

// merchant reads the merchant of the line.
func (c *rowCheck) merchant() merchantRow {
	m := merchantRow{line: c.row.line}
	m.ref = c.required("ref")
	m.name = c.required("nom")
	m.category = c.value("categorie")
	m.phone = c.phone("telephone")
	m.commune = c.required("commune")
	m.postalCode, m.departement = c.postalCode("code_postal")
	m.address = c.value("adresse")
	m.latitude, m.longitude = c.coordinates("latitude", "longitude")

	var driveOK, deliveryOK bool
	m.drive, driveOK = c.yesNo("drive")
	m.delivery, deliveryOK = c.yesNo("livraison")
	if driveOK && deliveryOK && !m.drive && !m.delivery {
		c.fail("drive", msgNoFulfilment, nil)
	}
	m.deliveryFeeCents = c.cents("frais_livraison", msgInvalidDeliveryFee, false)
	return m
}

// checkUnique reports key as a duplicate when firstLines already has it,
// and records its line otherwise. An empty key, already reported, is skipped.
func (c *rowCheck) checkUnique(column, key string, firstLines map[string]int, messageID string) {
	if key == "" {
		return
	}
	if first, seen := firstLines[key]; seen {
		c.fail(column, messageID, map[string]any{"FirstLine": first})
		return
	}
	firstLines[key] = c.row.line
}
