package catalog

import "github.com/drivelocal/drivelocal/phone"

// rowCheck reads the values of one data line and reports each invalid one.
type rowCheck struct {
	table  *csvTable
	row    csvRow
	errs   *errorList
	failed bool // at least one value of the line is invalid
}

func (c *rowCheck) value(column string) string {
	return c.table.value(c.row, column)
}

// fail reports the value of column as invalid, with data for the message.
// The value itself is added to data as Value.
func (c *rowCheck) fail(column, messageID string, data map[string]any) {
	if data == nil {
		data = map[string]any{}
	}
	if _, ok := data["Value"]; !ok {
		data["Value"] = c.value(column)
	}
	c.failed = true
	c.errs.add(c.table.errorAt(c.row, column, messageID, data))
}

// required returns the value of column, reporting it when empty.
func (c *rowCheck) required(column string) string {
	v := c.value(column)
	if v == "" {
		c.fail(column, msgRequired, nil)
	}
	return v
}

// phone returns the value of column in E.164 form.
func (c *rowCheck) phone(column string) string {
	v := c.required(column)
	if v == "" {
		return ""
	}
	e164, err := phone.Normalize(v)
	if err != nil {
		c.fail(column, msgInvalidPhone, nil)
		return ""
	}
	return e164
}

// postalCode returns the five-digit postal code of column and its
// département.
func (c *rowCheck) postalCode(column string) (code, departement string) {
	v := c.required(column)
	if v == "" {
		return "", ""
	}
	code, departement, ok := normalizePostalCode(v)
	if !ok {
		c.fail(column, msgInvalidPostalCode, nil)
	}
	return code, departement
}

// yesNo returns the boolean of column and whether it is valid.
func (c *rowCheck) yesNo(column string) (value, ok bool) {
	v := c.required(column)
	if v == "" {
		return false, false
	}
	value, ok = parseYesNo(v)
	if !ok {
		c.fail(column, msgInvalidBoolean, nil)
	}
	return value, ok
}

// cents returns the amount in euros of column in cents. An empty value is
// invalid when required, and 0 otherwise.
func (c *rowCheck) cents(column, invalidID string, required bool) int64 {
	v := c.value(column)
	if v == "" {
		if required {
			c.fail(column, msgRequired, nil)
		}
		return 0
	}
	cents, ok := parseCents(v)
	if !ok {
		c.fail(column, invalidID, nil)
	}
	return cents
}

// coordinates returns the optional latitude and longitude, which must be
// given together.
func (c *rowCheck) coordinates(latColumn, lonColumn string) (lat, lon *float64) {
	latText, lonText := c.value(latColumn), c.value(lonColumn)
	switch {
	case latText == "" && lonText == "":
		return nil, nil
	case latText == "":
		c.fail(latColumn, msgMissingCoordinate, nil)
		return nil, nil
	case lonText == "":
		c.fail(lonColumn, msgMissingCoordinate, nil)
		return nil, nil
	}

	latValue, latOK := parseDegrees(latText, 90)
	if !latOK {
		c.fail(latColumn, msgInvalidLatitude, nil)
	}
	lonValue, lonOK := parseDegrees(lonText, 180)
	if !lonOK {
		c.fail(lonColumn, msgInvalidLongitude, nil)
	}
	if !latOK || !lonOK {
		return nil, nil
	}
	return &latValue, &lonValue
}

// stock returns the stock of column in thousandths of unit.
func (c *rowCheck) stock(column, unit string) Quantity {
	v := c.required(column)
	if v == "" {
		return 0
	}
	q, messageID := parseStock(v, unit)
	if messageID != "" {
		c.fail(column, messageID, map[string]any{"Unit": unit})
	}
	return q
}
